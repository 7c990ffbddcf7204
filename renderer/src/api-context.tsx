import { createContext, useContext } from 'react';
import type { Api } from './bridge.js';
import type { Bridge } from '../../common/bridge.js';

export interface Backend {
  api: Api;
  bridge: Bridge;
}

export const BackendContext = createContext<Backend | null>(null);

export function useBackend(): Backend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error('useBackend outside BackendContext');
  return backend;
}
