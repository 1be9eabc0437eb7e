// Recommendations made live: the list with pillars, level, addressees, owner and due date (dd-mm-jjjj), the status
// menu, edit and delete of each; the form itself is recommendation-form.ts.

import { element, type RoomContext } from './dom';
import { RECOMMENDATION_STATUSES } from './enums';
import type { RecommendationView } from './hub-types';
import { format } from './texts';
import { ownerName, RecommendationForm, recommendationMeta } from './recommendation-form';

export class RecommendationsPanel {
  private readonly items = new Map<string, RecommendationView>();
  private readonly form: RecommendationForm;

  constructor(private readonly context: RoomContext) {
    this.form = new RecommendationForm(context, (recommendation) => this.changed(recommendation, false));
  }

  wire(): void {
    this.form.wire();
  }

  replaceAll(recommendations: readonly RecommendationView[]): void {
    this.items.clear();
    for (const recommendation of recommendations) this.items.set(recommendation.id, recommendation);
    this.render();
  }

  changed(recommendation: RecommendationView, announce = true): void {
    const known = this.items.get(recommendation.id);
    if (known && known.version > recommendation.version) return; // an older broadcast that overtook the newer one
    this.items.set(recommendation.id, recommendation);
    this.render();
    if (!known && announce) this.context.announce(format(this.context.texts, 'AnnounceRecommendation', recommendation.text));
  }

  removed(id: string): void {
    this.items.delete(id);
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
    const edit = element('button', { type: 'button', class: 'utrecht-button utrecht-button--subtle', 'aria-label': `${texts.Edit ?? ''}: ${r.text}` }, texts.Edit ?? '');
    edit.addEventListener('click', () => this.form.edit(r));
    const remove = element('button', { type: 'button', class: 'utrecht-button utrecht-button--subtle' }, texts.Delete ?? '');
    remove.addEventListener('click', () => {
      if (window.confirm(texts.ConfirmDelete ?? '')) void this.context.call('DeleteRecommendation', r.id, r.version);
    });
    const forWhat = r.caseFileId
      ? document.querySelector<HTMLOptionElement>(`#rec-case option[value="${r.caseFileId}"]`)?.text ?? ''
      : texts.RecForMeeting ?? '';
    return element('li', { class: 'proeftuin-recommendation', 'data-recommendation-id': r.id },
      element('p', { class: 'proeftuin-recommendation__for' }, `${texts.RecFor ?? ''}: ${forWhat}`),
      element('p', { class: 'proeftuin-recommendation__text' }, r.text), pillars,
      element('p', { class: 'proeftuin-recommendation__meta' }, recommendationMeta(texts, r, ownerName(r.ownerId))),
      statusSelect, edit, remove);
  }
}
