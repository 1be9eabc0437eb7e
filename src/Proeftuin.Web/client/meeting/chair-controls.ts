// Which of the chair's controls apply now. Only those are shown, so the chair sees a few clear buttons rather than
// ten with most of them greyed out: before the meeting "start", during it the steps that make sense in this phase and
// on this case, after closing "finalise the verslag" while it is a draft.

import type { MeetingState, MinutesView, WritingRoundView } from './hub-types';

export type ChairAction =
  | 'start' | 'previous' | 'advance' | 'next-item' | 'timer-start' | 'timer-pause' | 'extend'
  | 'round-open' | 'round-reveal' | 'close' | 'finalise';

export interface ChairSituation {
  readonly state: MeetingState;
  readonly minutes: MinutesView | null;
  readonly round: WritingRoundView | null;
  /** The current case is the last one on the agenda. */
  readonly lastItem: boolean;
}

export function chairActions({ state, minutes, round, lastItem }: ChairSituation): ReadonlySet<ChairAction> {
  const actions = new Set<ChairAction>();
  if (state.status === 'Planned') actions.add('start');
  if (state.status === 'Closed' && minutes?.status === 'Draft') actions.add('finalise');
  if (state.status !== 'Live') return actions;

  const firstPhase = state.phase === 'Presentation';
  const lastPhase = state.phase === 'Evaluation';
  if (!firstPhase) actions.add('previous');
  // After the last phase of the last case there is nothing to advance to: closing is the next step.
  if (!(lastPhase && lastItem)) actions.add('advance');
  if (!lastItem) actions.add('next-item');
  actions.add(state.timerRunning ? 'timer-pause' : 'timer-start');
  actions.add('extend');
  const roundOpen = round !== null && round.status !== 'Revealed';
  actions.add(roundOpen ? 'round-reveal' : 'round-open');
  actions.add('close');
  return actions;
}

/** Shows exactly the controls of `actions` (the rest hidden, not disabled); the round form is a control too. */
export function renderChairControls(root: HTMLElement, actions: ReadonlySet<ChairAction>): void {
  for (const control of root.querySelectorAll<HTMLElement>('[data-action]')) {
    control.hidden = !actions.has(control.dataset.action as ChairAction);
  }
}
