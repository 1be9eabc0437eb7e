// Where the user typed: the findings of a text the guard refused, under its field, each with a button that puts the
// placeholder in place of the flagged text (the same one-click replacement the server-rendered forms offer).

import { replaceFinding } from '../guard-placeholders';
import type { GuardFindingDto } from './hub-types';
import { format, type Texts } from './texts';

/** Fills `list` with the findings in `field`'s text (empty list when none), as buttons that replace each one. */
export function showGuardFindings(list: HTMLElement | null, field: HTMLInputElement | HTMLTextAreaElement | null, findings: readonly GuardFindingDto[], texts: Texts): void {
  if (!list || !field) return;
  const value = field.value;
  list.replaceChildren(...findings.map((finding) => {
    const flagged = value.slice(finding.start, finding.end);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'utrecht-button utrecht-button--secondary-action';
    button.textContent = format(texts, 'GuardReplaceWith', flagged, finding.placeholder);
    button.addEventListener('click', () => {
      const replaced = replaceFinding(field.value, finding.start, flagged, finding.placeholder);
      if (replaced !== null) field.value = replaced;
      button.disabled = true;
      field.focus();
    });
    const item = document.createElement('li');
    item.className = 'proeftuin-finding-item';
    item.append(button);
    return item;
  }));
}
