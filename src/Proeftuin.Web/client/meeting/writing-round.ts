// "Eerst schrijven, dan delen": the chair opens a round with a question, everyone writes an answer that only they see,
// and the chair reveals all answers at once.

import { element, type RoomContext } from './dom';
import type { WritingRoundView } from './hub-types';
import { format } from './texts';
import { showGuardFindings } from './guard-findings';

/**
 * The round to show after the room's copy `incoming` arrived. The room's copy of an open round never carries my own
 * answer, so the answer I had is kept until the round is revealed.
 */
export function mergeRound(previous: WritingRoundView | null, incoming: WritingRoundView): WritingRoundView {
  if (incoming.status === 'Revealed' || incoming.entries.length > 0) return incoming;
  const mine = previous?.id === incoming.id ? previous.entries : [];
  return { ...incoming, entries: mine };
}

export class WritingRoundPanel {
  private current: WritingRoundView | null = null;

  constructor(
    private readonly context: RoomContext,
    private readonly isLive: () => boolean,
    private readonly changed: () => void,
  ) {}

  get round(): WritingRoundView | null {
    return this.current;
  }

  /** The latest round of the join snapshot (or none). */
  replace(rounds: readonly WritingRoundView[]): void {
    this.current = rounds.length > 0 ? rounds[rounds.length - 1]! : null;
    this.render();
  }

  /** The room's copy of a round changed: opened, someone wrote, or revealed. */
  received(round: WritingRoundView): void {
    const opened = this.current?.id !== round.id;
    const revealed = round.status === 'Revealed' && this.current?.status !== 'Revealed';
    this.current = mergeRound(this.current, round);
    this.render();
    if (opened) this.context.announce(format(this.context.texts, 'AnnounceRoundOpened', round.prompt));
    if (revealed) this.context.announce(this.context.texts.AnnounceRoundRevealed ?? '');
  }

  wire(isChair: boolean): void {
    document.getElementById('round-form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const answer = document.getElementById('round-answer') as HTMLTextAreaElement;
      if (!this.current) return;
      void this.write(this.current.id, answer).then((round) => {
        if (!round) return;
        this.current = round;
        this.render();
        this.context.announce(this.context.texts.RoundSaved ?? '');
      });
    });
    if (!isChair) return;
    document.getElementById('round-open-form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const prompt = document.getElementById('round-prompt') as HTMLInputElement;
      void this.context.call('OpenWritingRound', prompt.value).then((round) => {
        if (round) prompt.value = '';
      });
    });
  }

  /** Writes the caller's answer; a refusal by the guard shows its findings under the answer, with placeholders. */
  private async write(roundId: string, answer: HTMLTextAreaElement): Promise<WritingRoundView | null> {
    const result = await this.context.hub.invoke('WriteEntry', roundId, answer.value);
    showGuardFindings(document.getElementById('round-findings'), answer, result.error?.findings ?? [], this.context.texts);
    if (!result.ok) this.context.announce(format(this.context.texts, 'ErrorPrefix', result.error?.message ?? ''));
    return result.ok ? result.value : null;
  }

  async reveal(): Promise<void> {
    if (this.current) await this.context.call('RevealWritingRound', this.current.id);
  }

  render(): void {
    const texts = this.context.texts;
    const status = document.getElementById('round-status');
    const form = document.getElementById('round-form') as HTMLFormElement | null;
    const answers = document.getElementById('round-answers');
    const round = this.current;
    if (!status || !form || !answers) return;
    if (round === null) {
      status.textContent = texts.RoundNone ?? '';
      form.hidden = true;
      answers.replaceChildren();
      return;
    }
    status.textContent = round.status === 'Revealed'
      ? format(texts, 'RoundRevealedHeading', round.prompt)
      : `${round.prompt} — ${format(texts, 'RoundWritten', round.writtenBy.length)}`;
    form.hidden = !(round.status !== 'Revealed' && this.isLive());
    this.changed();
    answers.replaceChildren(...round.entries.map((e) =>
      element('li', { class: 'proeftuin-round-answer' }, element('strong', {}, `${e.authorName} (${texts[`Discipline${e.discipline}`] ?? e.discipline})`), ` ${e.text}`)));
  }
}
