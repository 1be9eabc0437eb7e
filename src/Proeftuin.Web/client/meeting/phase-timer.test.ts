// The phase timer: counting down from the server's state, the big clock face, its tone, and the one signal at zero.
import { describe, expect, it } from 'vitest';
import type { MeetingState } from './hub-types';
import { clockFace, reachedZero, remainingSeconds, timerText, timerTone } from './phase-timer';

const texts = { TimerRunning: 'nog {0}', TimerPaused: 'gepauzeerd {0}', TimerOver: '{0} te lang' };
const live: MeetingState = { status: 'Live', currentAgendaItemId: 'item', phase: 'Analysis', remainingSeconds: 90, timerRunning: true, serverTimeUtc: '' };

describe('phase timer', () => {
  it('counts down from the received state only while the timer runs', () => {
    expect(remainingSeconds(live, 1_000, 11_000)).toBe(80);
    expect(remainingSeconds({ ...live, timerRunning: false }, 1_000, 11_000)).toBe(90);
    expect(remainingSeconds({ ...live, status: 'Planned' }, 0, 0)).toBeNull();
    expect(remainingSeconds({ ...live, remainingSeconds: null }, 0, 0)).toBeNull();
  });

  it('keeps counting past zero, so the room sees how far over time it is', () => {
    expect(remainingSeconds({ ...live, remainingSeconds: 5 }, 0, 65_000)).toBe(-60);
  });

  it('says running, paused and over time in words for screen readers', () => {
    expect(timerText(texts, true, 65)).toBe('nog 1:05');
    expect(timerText(texts, false, 5)).toBe('gepauzeerd 0:05');
    expect(timerText(texts, true, -61)).toBe('1:01 te lang');
  });

  it('shows a large m:ss face with a minus sign once over time', () => {
    expect(clockFace(360)).toBe('6:00');
    expect(clockFace(0.4)).toBe('0:00');
    expect(clockFace(-0.4)).toBe('0:00');
    expect(clockFace(-75)).toBe('−1:15');
  });

  it('signals once, when a timer crosses zero, never again while it stays over or when it starts over', () => {
    expect(reachedZero(1, 0)).toBe(true);
    expect(reachedZero(0.5, -0.5)).toBe(true);
    expect(reachedZero(-1, -2)).toBe(false);
    expect(reachedZero(null, -5)).toBe(false);
    expect(reachedZero(10, 9)).toBe(false);
    expect(reachedZero(3, null)).toBe(false);
  });

  it('tones the face running, paused, ending in the last minute and over at zero', () => {
    expect(timerTone(true, 300)).toBe('running');
    expect(timerTone(false, 300)).toBe('paused');
    expect(timerTone(true, 60)).toBe('ending');
    expect(timerTone(true, 0)).toBe('over');
    expect(timerTone(false, -10)).toBe('over');
  });
});
