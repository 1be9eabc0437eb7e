// Validation only after input: a form's required fields are marked invalid (aria-invalid, which the design system draws
// red and screen readers announce) only once the user submitted the form, and the mark goes as soon as they type.
// Before that, CSS keeps an untouched empty field neutral (forms.css).

/** The required fields of `form` that are empty now. */
export function emptyRequiredFields(form: HTMLFormElement): (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[] {
  return [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[required]')]
    .filter((field) => field.value.trim() === '');
}

export function wireValidationAfterInput(form: HTMLFormElement): void {
  // Capture phase: marked before the form's own submit handler runs (and reports the hub's message).
  form.addEventListener('submit', () => {
    for (const field of emptyRequiredFields(form)) field.setAttribute('aria-invalid', 'true');
  }, true);
  form.addEventListener('input', (event) => {
    const field = event.target as HTMLElement;
    if (field.getAttribute('aria-invalid') === 'true') field.removeAttribute('aria-invalid');
  });
  form.addEventListener('reset', () => {
    for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  });
}
