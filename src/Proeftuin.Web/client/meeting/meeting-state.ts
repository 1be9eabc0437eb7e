// The meeting's phase, status, current agenda item and the phase's countdown (server time is the truth: the client
// only counts down from the last state it received, see phase-timer.ts), and which chair controls apply now.

import { chairActions, renderChairControls } from './chair-controls';
import type { RoomContext } from './dom';
import type { MeetingState, MinutesView, WritingRoundView } from './hub-types';
import { clockFace, reachedZero, remainingSeconds, timerText, timerTone } from './phase-timer';
import { format } from './texts';

export class MeetingStatePanel {
  private current: MeetingState | null = null;
  private receivedAt = 0;
  private lastRemaining: number | null = null;

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
    const items = [...this.context.root.querySelectorAll<HTMLElement>('#agenda li')];
    const lastItem = items.at(-1)?.dataset.itemId === state.currentAgendaItemId;
    renderChairControls(this.context.root, chairActions({ state, minutes, round, lastItem }));
  }

  private renderTimer(): void {
    const timer = document.getElementById('timer');
    const face = document.getElementById('timer-face');
    const label = document.getElementById('timer-label');
    if (!timer || !face || !label) return;
    const state = this.current;
    const remaining = state ? remainingSeconds(state, this.receivedAt, Date.now()) : null;
    if (reachedZero(this.lastRemaining, remaining)) {
      // The one signal at zero: the face turns to "over" (seen) and the room hears it (aria-live).
      this.context.announce(format(this.context.texts, 'AnnounceTimeUp', this.context.texts[`Phase${state?.phase ?? ''}`] ?? ''));
    }
    this.lastRemaining = remaining;
    timer.hidden = !state || remaining === null;
    if (!state || remaining === null) return;
    face.textContent = clockFace(remaining);
    label.textContent = timerText(this.context.texts, state.timerRunning, remaining);
    timer.dataset.tone = timerTone(state.timerRunning, remaining);
  }
}
