// The recommendation form: add one for a case on the agenda or for the meeting as a whole (the "Voor" select, never
// the case that happens to be shown), edit one based on the version it showed, and, when someone else saved first,
// both versions side by side so the user chooses which stays.

import { element, type RoomContext } from './dom';
import type { Discipline, Pillar, RecommendationLevel } from './enums';
import type { RecommendationInput, RecommendationView } from './hub-types';
import { format, type Texts } from './texts';
import { showGuardFindings } from './guard-findings';
import { localDate } from './locale-format';

export const CONFLICT = 'recommendation.conflict';

/** The form's fields as the hub's RecommendationInput; the case is the one chosen in "Voor" (empty: the meeting as a whole). */
export function recommendationInput(data: FormData): RecommendationInput {
  const caseFileId = String(data.get('caseFileId') ?? '');
  return {
    text: String(data.get('text') ?? ''),
    pillars: data.getAll('pillars').map(String) as Pillar[],
    level: String(data.get('level') ?? 'Case') as RecommendationLevel,
    addressedTo: data.getAll('addressedTo').map(String) as Discipline[],
    ownerId: data.get('ownerId') ? String(data.get('ownerId')) : null,
    dueDate: data.get('dueDate') ? String(data.get('dueDate')) : null,
    caseFileId: caseFileId === '' ? null : caseFileId,
  };
}

/** "level, for whom · owner · due date", leaving out what is not set. */
export function recommendationMeta(texts: Texts, r: Omit<RecommendationView, 'id' | 'status' | 'version'>, ownerName: string | undefined): string {
  return [
    format(texts, 'RecommendationMeta', texts[`Level${r.level}`] ?? r.level, r.addressedTo.map((d) => texts[`Discipline${d}`] ?? d).join(', ') || '—'),
    ownerName ? format(texts, 'OwnedBy', ownerName) : null,
    r.dueDate ? format(texts, 'DueBy', localDate(r.dueDate)) : null,
  ].filter((part) => part !== null).join(' · ');
}

export function ownerName(ownerId: string | null): string | undefined {
  return ownerId ? document.querySelector<HTMLOptionElement>(`#rec-owner option[value="${ownerId}"]`)?.text : undefined;
}

export class RecommendationForm {
  private editing: RecommendationView | null = null;

  constructor(private readonly context: RoomContext, private readonly saved: (recommendation: RecommendationView) => void) {}

  private get form(): HTMLFormElement | null {
    return document.getElementById('recommendation-form') as HTMLFormElement | null;
  }

  wire(): void {
    this.form?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    document.getElementById('rec-cancel')?.addEventListener('click', () => this.reset());
  }

  /** Fills the form with a recommendation; saving then edits it, based on the version shown now. */
  edit(r: RecommendationView): void {
    const form = this.form;
    if (!form) return;
    this.reset();
    this.editing = r;
    (form.elements.namedItem('text') as HTMLTextAreaElement).value = r.text;
    (form.elements.namedItem('level') as HTMLSelectElement).value = r.level;
    (form.elements.namedItem('ownerId') as HTMLSelectElement).value = r.ownerId ?? '';
    (form.elements.namedItem('dueDate') as HTMLInputElement).value = r.dueDate ?? '';
    const caseSelect = form.elements.namedItem('caseFileId') as HTMLSelectElement;
    caseSelect.value = r.caseFileId ?? '';
    caseSelect.disabled = true; // the case a recommendation was written for stays
    form.querySelectorAll<HTMLInputElement>('input[name="pillars"]').forEach((box) => (box.checked = r.pillars.includes(box.value as Pillar)));
    form.querySelectorAll<HTMLInputElement>('input[name="addressedTo"]').forEach((box) => (box.checked = r.addressedTo.includes(box.value as Discipline)));
    this.setMode(true);
    (form.elements.namedItem('text') as HTMLTextAreaElement).focus();
  }

  private async submit(): Promise<void> {
    const form = this.form;
    if (!form) return;
    const input = recommendationInput(new FormData(form));
    const editing = this.editing;
    const result = editing
      ? await this.context.hub.invoke('EditRecommendation', editing.id, editing.version, input)
      : await this.context.hub.invoke('AddRecommendation', input);
    showGuardFindings(document.getElementById('rec-findings'), form.elements.namedItem('text') as HTMLTextAreaElement,
      result.error?.findings ?? [], this.context.texts);
    const error = document.getElementById('rec-error');
    if (result.ok && result.value) {
      this.reset();
      this.saved(result.value);
      return;
    }
    if (editing && result.error?.code === CONFLICT) {
      this.showConflict(result.error.current ?? null, { ...input, caseFileId: editing.caseFileId });
      return;
    }
    if (error) error.textContent = result.error?.message ?? '';
  }

  /** Theirs (saved first) and yours (this form) side by side: keep theirs, or save yours on top of their version. */
  private showConflict(theirs: RecommendationView | null, yours: RecommendationInput): void {
    const panel = document.getElementById('rec-conflict');
    if (!panel) return;
    const texts = this.context.texts;
    if (!theirs) {
      this.reset();
      this.context.announce(texts.ConflictDeleted ?? '');
      return;
    }
    const version = (label: string, r: Omit<RecommendationView, 'id' | 'status' | 'version'>, testId: string): HTMLElement =>
      element('div', { class: 'proeftuin-conflict__version', 'data-testid': testId },
        element('h3', { class: 'utrecht-heading-3' }, label),
        element('p', { class: 'proeftuin-recommendation__text' }, r.text),
        element('p', { class: 'proeftuin-recommendation__meta' },
          [r.pillars.map((p) => texts[`Pillar${p}`] ?? p).join(', '), recommendationMeta(texts, r, ownerName(r.ownerId))].join(' · ')));
    const keep = element('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action' }, texts.KeepTheirs ?? '');
    keep.addEventListener('click', () => {
      this.reset();
      this.saved(theirs);
    });
    const mine = element('button', { type: 'button', class: 'utrecht-button utrecht-button--primary-action' }, texts.SaveMine ?? '');
    mine.addEventListener('click', () => {
      this.editing = theirs; // yours, based on the version that is current now
      panel.hidden = true;
      void this.submit();
    });
    panel.replaceChildren(element('p', { class: 'utrecht-paragraph' }, texts.ConflictHeading ?? ''),
      version(texts.TheirVersion ?? '', theirs, 'rec-theirs'), version(texts.YourVersion ?? '', yours, 'rec-yours'), keep, mine);
    panel.hidden = false;
  }

  private reset(): void {
    const form = this.form;
    if (!form) return;
    form.reset();
    this.editing = null;
    (form.elements.namedItem('caseFileId') as HTMLSelectElement).disabled = false;
    const panel = document.getElementById('rec-conflict');
    if (panel) {
      panel.hidden = true;
      panel.replaceChildren();
    }
    const error = document.getElementById('rec-error');
    if (error) error.textContent = '';
    this.setMode(false);
  }

  private setMode(editing: boolean): void {
    const texts = this.context.texts;
    const submit = document.getElementById('rec-submit');
    if (submit) submit.textContent = editing ? texts.Save ?? '' : texts.Add ?? '';
    const cancel = document.getElementById('rec-cancel');
    if (cancel) cancel.hidden = !editing;
    const label = document.getElementById('rec-editing');
    if (label) label.hidden = !editing;
  }
}
