import { useEffect, useRef, useState } from 'react';
import type { AppEvent } from '../../common/contract.js';
import { useBackend } from './api-context.js';
import type { Api } from './bridge.js';

/**
 * A value from main, loaded when `key` changes and again whenever main sends an event it
 * depends on; answers that arrive after the component moved on are dropped.
 */
export function useLive<T>(key: string, load: (api: Api) => Promise<T>, reloadOn: (event: AppEvent) => boolean): [T | null, (value: T) => void] {
  const { api, bridge } = useBackend();
  const [value, setValue] = useState<T | null>(null);
  // The latest functions, without making every render a new subscription.
  const current = useRef({ load, reloadOn });
  useEffect(() => {
    current.current = { load, reloadOn };
  });
  useEffect(() => {
    let active = true;
    const fetch = () => current.current.load(api).then((next) => active && setValue(next), () => undefined);
    void fetch();
    const stop = bridge.events.subscribe((event) => {
      if (current.current.reloadOn(event)) void fetch();
    });
    return () => {
      active = false;
      stop();
    };
  }, [api, bridge, key]);
  return [value, setValue];
}
