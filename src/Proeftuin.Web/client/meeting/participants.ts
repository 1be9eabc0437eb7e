// Who is in the room, each in their colour.

import { element, type RoomContext } from './dom';
import { colourIndex } from './enums';
import type { Participant } from './hub-types';
import { format } from './texts';

export class ParticipantsPanel {
  private readonly people = new Map<string, Participant>();

  constructor(private readonly context: RoomContext) {}

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
    this.context.announce(format(this.context.texts, 'AnnounceJoined', participant.name));
  }

  left(userId: string): void {
    const participant = this.people.get(userId);
    this.people.delete(userId);
    this.render();
    if (participant) this.context.announce(format(this.context.texts, 'AnnounceLeft', participant.name));
  }

  private render(): void {
    const list = document.getElementById('participants');
    if (!list) return;
    const texts = this.context.texts;
    const items = [...this.people.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    list.replaceChildren(
      ...(items.length === 0
        ? [element('li', {}, texts.ParticipantsNone ?? '')]
        : items.map((p) =>
            element('li', { class: 'proeftuin-participant', 'data-user-id': p.userId },
              element('span', { class: `proeftuin-swatch proeftuin-colour-${colourIndex(p.colour)}`, 'aria-hidden': 'true' }),
              `${p.name} — ${texts[`Discipline${p.discipline}`] ?? p.discipline}`),
          )),
    );
  }
}
