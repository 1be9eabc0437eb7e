// Dates as the user reads them in their language: Dutch 23-12-2026, English (UK) 23/12/2026, never 2026-12-23.

/** A date "yyyy-mm-dd" (as the hub sends DateOnly) in the page's language; the input itself when it is no date. */
export function localDate(isoDate: string, language: string = pageLanguage()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const locale = language.startsWith('en') ? 'en-GB' : 'nl-NL';
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

function pageLanguage(): string {
  return typeof document === 'undefined' ? 'nl' : document.documentElement.lang || 'nl';
}
