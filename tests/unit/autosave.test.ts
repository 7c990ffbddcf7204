import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveState } from '../../renderer/src/autosave.js';

const options = { idleMs: 500, maxWaitMs: 1_000, retryDelaysMs: [1_000, 2_000] };

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after a pause in typing', async () => {
    const save = vi.fn(() => Promise.resolve());
    const saver = new Autosaver(save, options, () => Date.now());
    saver.change();
    saver.change();
    expect(saver.current).toBe('dirty');
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saver.current).toBe('saved');
  });

  it('saves at least every maxWait while typing goes on', async () => {
    const save = vi.fn(() => Promise.resolve());
    const saver = new Autosaver(save, options, () => Date.now());
    for (let i = 0; i < 30; i++) {
      saver.change();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps changes made during a save dirty and saves them next', async () => {
    let finish: () => void = () => undefined;
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const saver = new Autosaver(save, options, () => Date.now());
    saver.change();
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.current).toBe('saving');
    saver.change();
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.current).toBe('dirty');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.current).toBe('saved');
  });

  it('retries a failed save and reports the failure meanwhile', async () => {
    const states: SaveState[] = [];
    const save = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const saver = new Autosaver(save, options, () => Date.now());
    saver.onState((state) => states.push(state));
    saver.change();
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.current).toBe('failed');
    expect(saver.hasUnsavedChanges).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.current).toBe('saved');
    expect(states).toEqual(['dirty', 'saving', 'failed', 'saving', 'saved']);
  });

  it('flush saves at once and tells whether everything is stored', async () => {
    const save = vi.fn(() => Promise.resolve());
    const saver = new Autosaver(save, options, () => Date.now());
    expect(await saver.flush()).toBe(true);
    expect(save).not.toHaveBeenCalled();
    saver.change();
    expect(await saver.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);

    const failing = new Autosaver(() => Promise.reject(new Error('x')), options, () => Date.now());
    failing.change();
    expect(await failing.flush()).toBe(false);
    expect(failing.hasUnsavedChanges).toBe(true);
    failing.dispose();
  });
});
