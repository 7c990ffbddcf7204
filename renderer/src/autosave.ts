export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed';

export interface AutosaveOptions {
  /** Save this long after the last change … */
  idleMs: number;
  /** … but never later than this after the first unsaved change, even while typing goes on. */
  maxWaitMs: number;
  /** Waits between retries after a failed save; the last one repeats. */
  retryDelaysMs: readonly number[];
}

/**
 * While typing goes on, a save at least every 400 ms: a crash loses at most the last moment of
 * typing (the fault suite measures it: tests/e2e/faults.spec.ts). A save of a 1,000-block release
 * costs a few milliseconds off the typing path, so saving this often does not slow typing.
 */
export const defaultAutosaveOptions: AutosaveOptions = { idleMs: 300, maxWaitMs: 400, retryDelaysMs: [1_000, 2_000, 5_000, 10_000] };

/**
 * Decides when to save, off the typing path: `change()` only marks and schedules; the
 * snapshot is taken by `save` when it runs. A failed save keeps everything dirty and
 * retries; nothing the person typed is dropped.
 */
export class Autosaver {
  private state: SaveState = 'saved';
  private dirtySince: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<boolean> | null = null;
  private failures = 0;
  private lastError: unknown = null;
  private disposed = false;
  private readonly listeners = new Set<(state: SaveState, error: unknown) => void>();

  constructor(
    private readonly save: () => Promise<void>,
    private readonly options: AutosaveOptions = defaultAutosaveOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): SaveState {
    return this.state;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirtySince !== null || this.inFlight !== null;
  }

  onState(listener: (state: SaveState, error: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks the content as changed; cheap enough for every keystroke. */
  change(): void {
    if (this.disposed) return;
    this.dirtySince ??= this.now();
    if (this.state !== 'failed') this.setState('dirty');
    if (this.failures === 0) this.schedule();
  }

  /** Saves now if anything is unsaved; resolves true once everything is saved. */
  async flush(): Promise<boolean> {
    // A disposed saver has handed over (its release was replaced, e.g. by a restore): it saves nothing more.
    if (this.disposed) return this.dirtySince === null && this.inFlight === null;
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (this.dirtySince === null) return true;
    return this.run();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.inFlight || this.dirtySince === null || this.disposed) return;
    const untilDeadline = this.dirtySince + this.options.maxWaitMs - this.now();
    this.clearTimer();
    this.timer = setTimeout(() => void this.run(), Math.max(0, Math.min(this.options.idleMs, untilDeadline)));
  }

  private run(): Promise<boolean> {
    this.clearTimer();
    if (this.inFlight) return this.inFlight;
    const startedDirtySince = this.dirtySince;
    this.dirtySince = null;
    this.setState('saving');
    this.inFlight = this.save().then(
      () => {
        this.failures = 0;
        this.lastError = null;
        return true;
      },
      (error: unknown) => {
        this.failures += 1;
        this.lastError = error;
        // Everything from before this attempt is still unsaved.
        this.dirtySince = Math.min(startedDirtySince ?? this.now(), this.dirtySince ?? Infinity);
        return false;
      },
    );
    return this.inFlight.then((saved) => {
      this.inFlight = null;
      if (this.disposed) return saved;
      if (!saved) {
        this.setState('failed');
        const delays = this.options.retryDelaysMs;
        this.timer = setTimeout(() => void this.run(), delays[Math.min(this.failures - 1, delays.length - 1)] ?? 1_000);
      } else if (this.dirtySince !== null) {
        this.setState('dirty');
        this.schedule();
      } else {
        this.setState('saved');
      }
      return saved && this.dirtySince === null;
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SaveState): void {
    if (state === this.state && state !== 'failed') return;
    this.state = state;
    for (const listener of this.listeners) listener(state, this.lastError);
  }
}
