// The phase timer as the room shows it: the server's remaining seconds are the truth, the browser only counts down
// from the last state it received; when a running timer reaches zero the room gives one signal (seen and announced).

import type { MeetingState } from './hub-types';
import { clock, format, type Texts } from './texts';

/** Seconds left on the current phase's timer `now` ms, given the state received at `receivedAt` ms; null without a timer. */
export function remainingSeconds(state: MeetingState, receivedAt: number, now: number): number | null {
  if (state.remainingSeconds === null || state.status !== 'Live') return null;
  const elapsed = state.timerRunning ? (now - receivedAt) / 1000 : 0;
  return state.remainingSeconds - elapsed;
}

/** The countdown as shown: running, paused, or how far over time. */
export function timerText(texts: Texts, running: boolean, remaining: number): string {
  return remaining < 0
    ? format(texts, 'TimerOver', clock(remaining))
    : format(texts, running ? 'TimerRunning' : 'TimerPaused', clock(remaining));
}

/** The big clock face: m:ss, with a minus sign once over time. */
export function clockFace(remaining: number): string {
  return `${remaining < 0 && Math.round(remaining) !== 0 ? '−' : ''}${clock(remaining)}`;
}

/**
 * Whether the timer just ran out between two renders: from above zero to zero or below. Only this crossing signals,
 * so a timer that was already over when the page loaded, or a paused one, never announces again and again.
 */
export function reachedZero(previous: number | null, current: number | null): boolean {
  return previous !== null && current !== null && previous > 0 && current <= 0;
}

/** The timer's look now: running, paused, nearly done (last minute) or over time. */
export function timerTone(running: boolean, remaining: number): 'running' | 'paused' | 'ending' | 'over' {
  if (remaining <= 0) return 'over';
  if (!running) return 'paused';
  return remaining <= 60 ? 'ending' : 'running';
}
