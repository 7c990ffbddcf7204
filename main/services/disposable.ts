/** Anything that holds a resource or a subscription and can let go of it. */
export interface Disposable {
  dispose(): void;
}

/** A minimal typed event source whose subscriptions can be disposed. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  on(listener: (value: T) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  clear(): void {
    this.listeners.clear();
  }
}
