// One-click placeholders for texts the anonymisation guard refused in a form: the server lists each finding with a
// button (data-guard-*); clicking it puts the neutral placeholder where the flagged text is.

/**
 * The field value with the flagged text replaced by the placeholder: at the reported offset when the text is still
 * there, otherwise at its first occurrence (the user may have edited meanwhile). Null when the text is gone.
 */
export function replaceFinding(value: string, start: number, flagged: string, placeholder: string): string | null {
  const at = value.startsWith(flagged, start) ? start : value.indexOf(flagged);
  if (flagged.length === 0 || at < 0) {
    return null;
  }

  return value.slice(0, at) + placeholder + value.slice(at + flagged.length);
}

/** Wires every guard button under root to its form field (found by name). */
export function wireGuardButtons(root: ParentNode = document): void {
  root.querySelectorAll<HTMLButtonElement>('button[data-guard-placeholder]').forEach((button) => {
    button.addEventListener('click', () => {
      const { guardField, guardStart, guardText, guardPlaceholder } = button.dataset;
      const field = document.getElementsByName(guardField ?? '')[0] as HTMLInputElement | HTMLTextAreaElement | undefined;
      if (!field || guardText === undefined || guardPlaceholder === undefined) {
        return;
      }

      const replaced = replaceFinding(field.value, Number(guardStart ?? -1), guardText, guardPlaceholder);
      if (replaced !== null) {
        field.value = replaced;
        field.focus();
      }

      button.disabled = true;
    });
  });
}
