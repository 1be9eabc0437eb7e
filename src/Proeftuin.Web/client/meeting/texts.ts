// The room's texts come from the server (resx, Dutch or English) as a JSON data block in the page.

export type Texts = Readonly<Record<string, string>>;

export function readTexts(element: HTMLElement | null): Texts {
  return element?.textContent ? (JSON.parse(element.textContent) as Texts) : {};
}

/** The text for `key` with {0}, {1}… filled in; the key itself when missing, so a gap is visible, not silent. */
export function format(texts: Texts, key: string, ...values: readonly (string | number)[]): string {
  const template = texts[key] ?? key;
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** m:ss for a countdown. */
export function clock(totalSeconds: number): string {
  const seconds = Math.abs(Math.round(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
