import type { Bridge } from '../../common/bridge.js';
import { methodNames, type MethodName } from '../../common/channels.js';
import type { MethodInput, MethodOutput } from '../../common/contract.js';
import type { AppError, Result } from '../../common/result.js';
import { createHttpBridge } from './http-bridge.js';

declare global {
  interface Window {
    pressestelle: Bridge;
  }
}

/** Electron's preload provides window.pressestelle; in a plain browser we provide it over HTTP. */
export function installBridge(): Bridge {
  if ((window as Partial<Window>).pressestelle === undefined) window.pressestelle = createHttpBridge();
  return window.pressestelle;
}

/** A contract method answered `{ ok: false }`; `message` is the German sentence to show. */
export class BridgeError extends Error {
  readonly code: AppError['code'];
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
  }
}

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never;
type Member<M extends string, N extends string> = M extends `${N}.${infer F}` ? F : never;

/** The bridge with results unwrapped: resolves with the value or rejects with a BridgeError. */
export type Api = {
  [N in Namespace<MethodName>]: {
    [F in Member<MethodName, N>]: (input?: MethodInput<`${N}.${F}` & MethodName>) => Promise<MethodOutput<`${N}.${F}` & MethodName>>;
  };
};

export function createApi(bridge: Bridge): Api {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of methodNames) {
    const [namespace, member] = name.split('.') as [keyof Bridge & string, string];
    const call = (bridge[namespace] as Record<string, (input?: unknown) => Promise<Result<unknown>>>)[member]!;
    api[namespace] ??= {};
    api[namespace][member] = async (input?: unknown) => {
      const result = await call(input);
      if (result.ok) return result.value;
      throw new BridgeError(result.error);
    };
  }
  return api as Api;
}
