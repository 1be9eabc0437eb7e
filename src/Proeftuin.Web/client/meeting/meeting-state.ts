// The meeting's phase, status, current agenda item and countdown (server time is the truth: the client only counts
// down from the last state it received), and which chair controls can be used now.

import type { RoomContext } from './dom';
import type { MeetingState, MinutesView, WritingRoundView } from './hub-types';
import { clock, format, type Texts } from './texts';

/** Seconds left on the agenda item's timer `now` ms, given the state received at `receivedAt` ms; null without a timer. */
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

/** Only what can be done now is enabled: start before the meeting, finalise a draft verslag, the rest while it runs. */
export function controlDisabled(action: string, state: MeetingState, minutes: MinutesView | null): boolean {
  if (action === 'start') return state.status !== 'Planned';
  if (action === 'finalise') return minutes?.status !== 'Draft';
  return state.status !== 'Live';
}

export class MeetingStatePanel {
  private current: MeetingState | null = null;
  private receivedAt = 0;

  constructor(private readonly context: RoomContext) {}

  get state(): MeetingState | null {
    return this.current;
  }

  startClock(): void {
    window.setInterval(() => this.renderTimer(), 1000);
  }

  /** Shows a new state; `announce` says phase changes and closing to screen readers (not for the join snapshot). */
  apply(state: MeetingState, announce: boolean): void {
    const { root, texts } = this.context;
    const previous = this.current;
    this.current = state;
    this.receivedAt = Date.now();
    const status = document.getElementById('meeting-status');
    if (status) status.textContent = texts[`Status${state.status}`] ?? state.status;
    const phaseName = state.phase ? (texts[`Phase${state.phase}`] ?? state.phase) : null;
    const phase = document.getElementById('phase');
    if (phase) {
      // A closed meeting has no current phase; the status above already says it is closed.
      phase.hidden = state.status === 'Closed';
      phase.textContent = phaseName ? format(texts, 'PhaseLabel', phaseName) : (texts.NotStarted ?? '');
    }
    for (const item of root.querySelectorAll<HTMLElement>('#agenda li')) {
      const current = item.dataset.itemId === state.currentAgendaItemId;
      item.classList.toggle('proeftuin-agenda__item--current', current);
      if (current) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
    if (announce && phaseName && (previous?.phase !== state.phase || previous?.currentAgendaItemId !== state.currentAgendaItemId)) {
      this.context.announce(format(texts, 'AnnouncePhase', phaseName));
    }
    if (announce && state.status === 'Closed' && previous?.status !== 'Closed') this.context.announce(texts.AnnounceClosed ?? '');
    this.renderTimer();
  }

  renderChairControls(minutes: MinutesView | null, round: WritingRoundView | null): void {
    const state = this.current;
    if (!state) return;
    const root = this.context.root;
    const live = state.status === 'Live';
    for (const control of root.querySelectorAll<HTMLButtonElement>('[data-action]')) {
      control.disabled = controlDisabled(control.dataset.action ?? '', state, minutes);
    }
    const roundOpen = round !== null && round.status !== 'Revealed';
    const reveal = root.querySelector<HTMLButtonElement>('[data-action="round-reveal"]');
    if (reveal) reveal.disabled = !live || !roundOpen;
    for (const control of root.querySelectorAll<HTMLInputElement | HTMLButtonElement>('#round-open-form input, #round-open-form button')) {
      control.disabled = !live || roundOpen;
    }
  }

  private renderTimer(): void {
    const timer = document.getElementById('timer');
    if (!timer) return;
    const state = this.current;
    const remaining = state ? remainingSeconds(state, this.receivedAt, Date.now()) : null;
    if (!state || remaining === null) {
      timer.textContent = '';
      return;
    }
    timer.textContent = timerText(this.context.texts, state.timerRunning, remaining);
    timer.classList.toggle('proeftuin-timer--over', remaining < 0);
  }
}
