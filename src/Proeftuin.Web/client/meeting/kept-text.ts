// When edits cannot reach the server (refused, or stored ones that no longer fit), the user's text is never thrown
// away silently: a dialog shows it to copy, and only the user decides to discard it and reload.

import { element, type RoomContext } from './dom';

/** What the user can do after copying: forget the kept edits (and, after a refusal, load the server's text again). */
export interface KeptTextChoice {
  readonly label: string;
  discard(): void;
}

export function showKeptText(context: RoomContext, message: string, text: string, choice: KeptTextChoice): void {
  const texts = context.texts;
  document.getElementById('kept-text')?.remove();
  const area = element('textarea', {
    id: 'kept-text-value', class: 'utrecht-textarea utrecht-textarea--html-textarea', rows: '8', readonly: '', 'data-testid': 'kept-text-value',
  }) as HTMLTextAreaElement;
  area.value = text;
  const copied = element('p', { role: 'status', class: 'proeftuin-kept-text__status' });
  const copy = element('button', { type: 'button', class: 'utrecht-button utrecht-button--primary-action' }, texts.CopyText ?? '');
  copy.addEventListener('click', () => {
    area.select();
    void navigator.clipboard?.writeText(text).then(() => (copied.textContent = texts.Copied ?? ''), () => undefined);
  });
  const discard = element('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action' }, choice.label);
  const dialog = element('dialog', { id: 'kept-text', class: 'proeftuin-kept-text', 'aria-labelledby': 'kept-text-title', 'data-testid': 'kept-text' },
    element('h2', { id: 'kept-text-title', class: 'utrecht-heading-2' }, texts.KeptTextTitle ?? ''),
    element('p', { class: 'utrecht-paragraph' }, message),
    element('label', { class: 'utrecht-form-label', for: 'kept-text-value' }, texts.KeptTextLabel ?? ''),
    area, copied, element('p', { class: 'proeftuin-actions' }, copy, discard)) as HTMLDialogElement;
  discard.addEventListener('click', () => {
    dialog.close();
    dialog.remove();
    choice.discard();
  });
  context.root.append(dialog);
  dialog.showModal();
  context.announce(message);
}
