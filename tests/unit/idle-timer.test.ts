import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleTimer } from '../../utils/idle-timer';

describe('idleTimer (the offscreen document closing itself when unused)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once the wait has passed with nothing to do', () => {
    const onIdle = vi.fn();
    idleTimer(1_000, onIdle);
    vi.advanceTimersByTime(999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('each use starts the wait again, and work in progress is never cut short', async () => {
    const onIdle = vi.fn();
    const t = idleTimer(1_000, onIdle);
    vi.advanceTimersByTime(800);
    let finish!: () => void;
    const work = t.busy(() => new Promise<string>((resolve) => (finish = () => resolve('done'))));
    // A long analysis: far past the wait, still not idle.
    vi.advanceTimersByTime(5_000);
    expect(onIdle).not.toHaveBeenCalled();
    finish();
    await expect(work).resolves.toBe('done');
    vi.advanceTimersByTime(999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('a failed piece of work still lets it go idle afterwards', async () => {
    const onIdle = vi.fn();
    const t = idleTimer(100, onIdle);
    await expect(t.busy(() => Promise.reject(new Error('bad page')))).rejects.toThrow('bad page');
    vi.advanceTimersByTime(100);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
