// Who else is preparing this case, each in their colour (the meeting room's colours and names).

import { element } from '../meeting/dom';
import { colourIndex } from '../meeting/enums';
import type { Participant } from '../meeting/hub-types';
import type { Texts } from '../meeting/texts';

export class CasePresence {
  private readonly people = new Map<string, Participant>();

  constructor(
    private readonly list: HTMLElement | null,
    private readonly texts: Texts,
  ) {}

  nameOf(userId: string): string {
    return this.people.get(userId)?.name ?? '';
  }

  replaceAll(participants: readonly Participant[]): void {
    this.people.clear();
    for (const participant of participants) this.people.set(participant.userId, participant);
    this.render();
  }

  joined(participant: Participant): void {
    this.people.set(participant.userId, participant);
    this.render();
  }

  left(userId: string): void {
    this.people.delete(userId);
    this.render();
  }

  private render(): void {
    if (!this.list) return;
    const items = [...this.people.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    this.list.replaceChildren(
      ...items.map((p) =>
        element('li', { class: 'proeftuin-participant', 'data-user-id': p.userId },
          element('span', { class: `proeftuin-swatch proeftuin-colour-${colourIndex(p.colour)}`, 'aria-hidden': 'true' }),
          `${p.name} — ${this.texts[`Discipline${p.discipline}`] ?? p.discipline}`)),
    );
  }
}
