// Fake clocks for the tests that are about time (an autosave's pause, a dry run's delay, the frame before "ready"):
// a test jumps past a pause with `vi.advanceTimersByTimeAsync` instead of waiting for it in real time, so that what
// the pause would send is sent, deterministically, however busy the machine. Real timers come back when the test
// ends, pass or fail.
import userEvent from '@testing-library/user-event';
import { onTestFinished, vi } from 'vitest';

type Timer = 'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval' | 'requestAnimationFrame' | 'cancelAnimationFrame';

const TIMERS: Timer[] = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'];

/** Fake timers that still run with real time, so that findBy…, waitFor and the UI's transitions go on as usual; a
 *  test may jump ahead at any point. Call it at the start of a test, before rendering. */
export function runningFakeClock({ frames = false } = {}) {
  vi.useFakeTimers({
    shouldAdvanceTime: true,
    toFake: frames ? [...TIMERS, 'requestAnimationFrame', 'cancelAnimationFrame'] : TIMERS,
  });
  onTestFinished(() => {
    vi.useRealTimers();
  });
}

type WithJest = { jest?: { advanceTimersByTime: (ms: number) => void } };

/** Stops the clock until the test ends (or `vi.useRealTimers()`): no pause ends unless the test advances the time,
 *  however slowly the machine types. Returns a user whose waits between keystrokes move the fake clock by their own
 *  (zero) delay only. Testing Library moves a fake clock only where it finds `jest`: it is given one, so that the end
 *  of each user action (a zero timeout) and waitFor (which then advances the clock as it polls) do not hang. */
export function stoppedFakeClock() {
  vi.useFakeTimers({ toFake: TIMERS });
  const global = globalThis as WithJest;
  global.jest = { advanceTimersByTime: (ms) => vi.advanceTimersByTime(ms) };
  onTestFinished(() => {
    delete global.jest;
    vi.useRealTimers();
  });
  return userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
}
