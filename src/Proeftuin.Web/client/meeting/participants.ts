// Who is here, each in their colour: the meeting room's list and the case page's list are the same list.

import { element, type RoomContext } from './dom';
import { colourIndex } from './enums';
import type { Participant } from './hub-types';
import { format, type Texts } from './texts';

export class PresenceList {
  private readonly people = new Map<string, Participant>();

  constructor(
    private readonly list: () => HTMLElement | null,
    private readonly texts: Texts,
    private readonly announce?: (message: string) => void,
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
    this.announce?.(format(this.texts, 'AnnounceJoined', participant.name));
  }

  left(userId: string): void {
    const participant = this.people.get(userId);
    this.people.delete(userId);
    this.render();
    if (participant) this.announce?.(format(this.texts, 'AnnounceLeft', participant.name));
  }

  private render(): void {
    const list = this.list();
    if (!list) return;
    const items = [...this.people.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    list.replaceChildren(
      ...(items.length === 0 && this.texts.ParticipantsNone
        ? [element('li', {}, this.texts.ParticipantsNone)]
        : items.map((p) =>
            element('li', { class: 'proeftuin-participant', 'data-user-id': p.userId },
              element('span', { class: `proeftuin-swatch proeftuin-colour-${colourIndex(p.colour)}`, 'aria-hidden': 'true' }),
              `${p.name} — ${this.texts[`Discipline${p.discipline}`] ?? p.discipline}`),
          )),
    );
  }
}

/** The meeting room's list, announced to screen readers as people come and go. */
export function participantsPanel(context: RoomContext): PresenceList {
  return new PresenceList(() => document.getElementById('participants'), context.texts, (message) => context.announce(message));
}
