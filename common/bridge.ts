import type { EventName, MethodName } from './channels.js';
import { methodNames } from './channels.js';
import type { AppEvent, MethodInput, MethodOutput } from './contract.js';
import type { Result } from './result.js';

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never;
type Member<M extends string, N extends string> = M extends `${N}.${infer F}` ? F : never;

/** The object the renderer sees as `window.pressestelle`: one function per contract method. */
export type Bridge = {
  [N in Namespace<MethodName>]: {
    [F in Member<MethodName, N>]: (
      input?: MethodInput<`${N}.${F}` & MethodName>,
    ) => Promise<Result<MethodOutput<`${N}.${F}` & MethodName>>>;
  };
} & {
  events: {
    /** Calls listener for every event main pushes; returns a function that stops it. */
    subscribe(listener: (event: AppEvent) => void): () => void;
  };
};

export type Invoke = (method: MethodName, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (listener: (event: { name: EventName; payload: unknown }) => void) => () => void;

/** Builds the bridge from a transport: IPC in the preload, HTTP in the browser entry. */
export function createBridge(invoke: Invoke, subscribe: Subscribe): Bridge {
  const bridge: Record<string, Record<string, unknown>> = {};
  for (const name of methodNames) {
    const [namespace, member] = name.split('.') as [string, string];
    bridge[namespace] ??= {};
    bridge[namespace][member] = (input?: unknown) => invoke(name, input);
  }
  bridge.events = { subscribe: (listener: (event: AppEvent) => void) => subscribe(listener as never) };
  return bridge as unknown as Bridge;
}
