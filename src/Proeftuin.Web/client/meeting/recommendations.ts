// Recommendations made live: the list with pillars, level, addressees, owner and due date, the status menu and
// delete of each, and the form that adds one (to the case shown, when a case is shown).

import { caseIdOf, element, type RoomContext } from './dom';
import { RECOMMENDATION_STATUSES, type Discipline, type Pillar, type RecommendationLevel } from './enums';
import type { RecommendationInput, RecommendationView } from './hub-types';
import { format, type Texts } from './texts';
import { showGuardFindings } from './guard-findings';
import { localDate } from './locale-format';

/** The form's fields as the hub's RecommendationInput; the case is the one shown (none for the verslag). */
export function recommendationInput(data: FormData, shownDocument: string): RecommendationInput {
  return {
    text: String(data.get('text') ?? ''),
    pillars: data.getAll('pillars').map(String) as Pillar[],
    level: String(data.get('level') ?? 'Case') as RecommendationLevel,
    addressedTo: data.getAll('addressedTo').map(String) as Discipline[],
    ownerId: data.get('ownerId') ? String(data.get('ownerId')) : null,
    dueDate: data.get('dueDate') ? String(data.get('dueDate')) : null,
    caseFileId: caseIdOf(shownDocument),
  };
}

/** "level, for whom · owner · due date", leaving out what is not set. */
export function recommendationMeta(texts: Texts, r: RecommendationView, ownerName: string | undefined): string {
  return [
    format(texts, 'RecommendationMeta', texts[`Level${r.level}`] ?? r.level, r.addressedTo.map((d) => texts[`Discipline${d}`] ?? d).join(', ') || '—'),
    ownerName ? format(texts, 'OwnedBy', ownerName) : null,
    r.dueDate ? format(texts, 'DueBy', localDate(r.dueDate)) : null,
  ].filter((part) => part !== null).join(' · ');
}

export class RecommendationsPanel {
  private readonly items = new Map<string, RecommendationView>();

  constructor(private readonly context: RoomContext, private readonly shownDocument: () => string) {}

  wire(): void {
    document.getElementById('recommendation-form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.add(event.target as HTMLFormElement);
    });
  }

  replaceAll(recommendations: readonly RecommendationView[]): void {
    this.items.clear();
    for (const recommendation of recommendations) this.items.set(recommendation.id, recommendation);
    this.render();
  }

  changed(recommendation: RecommendationView): void {
    const isNew = !this.items.has(recommendation.id);
    this.items.set(recommendation.id, recommendation);
    this.render();
    if (isNew) this.context.announce(format(this.context.texts, 'AnnounceRecommendation', recommendation.text));
  }

  removed(id: string): void {
    this.items.delete(id);
    this.render();
  }

  private async add(form: HTMLFormElement): Promise<void> {
    const error = document.getElementById('rec-error');
    const result = await this.context.hub.invoke('AddRecommendation', recommendationInput(new FormData(form), this.shownDocument()));
    const textField = form.elements.namedItem('text') as HTMLTextAreaElement | null;
    showGuardFindings(document.getElementById('rec-findings'), textField, result.error?.findings ?? [], this.context.texts);
    if (!result.ok || !result.value) {
      if (error) error.textContent = result.error?.message ?? '';
      return;
    }
    if (error) error.textContent = '';
    form.reset();
    this.items.set(result.value.id, result.value);
    this.render();
  }

  private render(): void {
    const list = document.getElementById('recommendations');
    if (!list) return;
    const items = [...this.items.values()];
    list.replaceChildren(
      ...(items.length === 0
        ? [element('li', {}, this.context.texts.RecommendationsNone ?? '')]
        : items.map((r) => this.item(r))),
    );
  }

  private item(r: RecommendationView): HTMLElement {
    const texts = this.context.texts;
    const pillars = element('ul', { class: 'proeftuin-pillar-tags', 'aria-label': texts.Pillars ?? '' },
      ...r.pillars.map((p) => element('li', { class: `proeftuin-pillar-tag proeftuin-pillar--${p.toLowerCase()}` }, texts[`Pillar${p}`] ?? p)));
    const statusSelect = element('select', { class: 'utrecht-select utrecht-select--html-select', 'aria-label': `${texts.ChangeStatus ?? ''}: ${r.text}` },
      ...RECOMMENDATION_STATUSES.map((s) => {
        const option = element('option', { value: s }, texts[`RecStatus${s}`] ?? s) as HTMLOptionElement;
        option.selected = s === r.status;
        return option;
      })) as HTMLSelectElement;
    statusSelect.addEventListener('change', () => void this.context.call('ChangeRecommendationStatus', r.id, r.version, statusSelect.value));
    const remove = element('button', { type: 'button', class: 'utrecht-button utrecht-button--subtle' }, texts.Delete ?? '');
    remove.addEventListener('click', () => {
      if (window.confirm(texts.ConfirmDelete ?? '')) void this.context.call('DeleteRecommendation', r.id, r.version);
    });
    const owner = r.ownerId ? document.querySelector<HTMLOptionElement>(`#rec-owner option[value="${r.ownerId}"]`)?.text : undefined;
    return element('li', { class: 'proeftuin-recommendation', 'data-recommendation-id': r.id },
      element('p', { class: 'proeftuin-recommendation__text' }, r.text), pillars,
      element('p', { class: 'proeftuin-recommendation__meta' }, recommendationMeta(texts, r, owner)),
      statusSelect, remove);
  }
}
