// Anonymisation by clicking: a finding's popover in the editor. Click an underlined finding (or put the caret in it and
// press Ctrl+.) and choose "vervang door [placeholder]", "vervang overal" (every occurrence of the same words) or
// "geen identificerend gegeven" with a reason. Replacing is an ordinary local edit (it travels as an OT operation like
// typing); dismissing is asked of the server through `dismiss`. Escape closes the popover and returns to the text.

import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, showTooltip, type Tooltip } from '@codemirror/view';
import { setFindings } from './decorations';
import type { Texts } from './texts';

/** A finding as the popover needs it: where, its category code (for the dismissal) and the proposed placeholder. */
export interface PopoverFinding {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly category?: string;
}

export interface PopoverActions {
  /** Marks the finding "not identifying" with a reason; resolves to an error message, or null when it was stored. */
  dismiss(finding: PopoverFinding, found: string, reason: string): Promise<string | null>;
  /** The category in words, for the heading ("naam", "datum"). */
  categoryName(category: string): string;
}

const open = StateEffect.define<PopoverFinding | null>();

/** The findings as last set, mapped through every change so they stay on their words while anyone types. */
const findingsField = StateField.define<readonly PopoverFinding[]>({
  create: () => [],
  update(findings, transaction) {
    let next = transaction.docChanged
      ? findings
        .map((f) => ({ ...f, start: transaction.changes.mapPos(f.start, 1), end: transaction.changes.mapPos(f.end, -1) }))
        .filter((f) => f.start < f.end)
      : findings;
    for (const effect of transaction.effects) if (effect.is(setFindings)) next = effect.value as readonly PopoverFinding[];
    return next;
  },
});

/** The finding whose popover is open; closed by Escape, by an edit inside it, or when it disappears. */
const openField = StateField.define<PopoverFinding | null>({
  create: () => null,
  update(current, transaction) {
    for (const effect of transaction.effects) if (effect.is(open)) return effect.value;
    if (current === null || !transaction.docChanged) return current;
    const start = transaction.changes.mapPos(current.start, 1);
    const end = transaction.changes.mapPos(current.end, -1);
    const still = transaction.state.field(findingsField).find((f) => f.start === start && f.end === end);
    return still ?? null;
  },
});

export function findingAt(state: EditorState, position: number): PopoverFinding | null {
  return state.field(findingsField).find((f) => f.start <= position && position <= f.end) ?? null;
}

/** Every occurrence of `found` as a whole word in `text`, from the end backwards (so replacing keeps offsets valid). */
export function occurrences(text: string, found: string): number[] {
  const positions: number[] = [];
  if (found.length === 0) return positions;
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let at = text.indexOf(found); at >= 0; at = text.indexOf(found, at + found.length)) {
    if (!isWord(text[at - 1]) && !isWord(text[at + found.length])) positions.push(at);
  }
  return positions.reverse();
}

function button(label: string, onClick: () => void, testId: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'utrecht-button utrecht-button--secondary-action';
  element.textContent = label;
  element.dataset.testid = testId;
  element.addEventListener('click', onClick);
  return element;
}

function popoverDom(view: EditorView, finding: PopoverFinding, texts: Texts, actions: PopoverActions): HTMLElement {
  const found = view.state.sliceDoc(finding.start, finding.end);
  const close = (): void => {
    view.dispatch({ effects: open.of(null) });
    view.focus();
  };
  const root = document.createElement('div');
  root.className = 'proeftuin-finding-popover';
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-label', texts.PopoverLabel ?? 'Mogelijk identificerend gegeven');
  root.dataset.testid = 'finding-popover';
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  const heading = document.createElement('p');
  heading.textContent = `‘${found}’ (${actions.categoryName(finding.category ?? '')})`;
  const replace = button((texts.PopoverReplace ?? 'Vervang door {0}').replace('{0}', finding.label), () => {
    view.dispatch({ changes: { from: finding.start, to: finding.end, insert: finding.label }, effects: open.of(null) });
    view.focus();
  }, 'finding-replace');
  const all = occurrences(view.state.doc.toString(), found);
  const replaceAll = button((texts.PopoverReplaceAll ?? 'Vervang overal ({0}×)').replace('{0}', String(all.length)), () => {
    const current = occurrences(view.state.doc.toString(), found);
    view.dispatch({ changes: current.map((at) => ({ from: at, to: at + found.length, insert: finding.label })), effects: open.of(null) });
    view.focus();
  }, 'finding-replace-all');
  const form = document.createElement('form');
  const reasonId = `finding-reason-${finding.start}`;
  const label = document.createElement('label');
  label.htmlFor = reasonId;
  label.textContent = texts.PopoverReason ?? 'Waarom is dit geen identificerend gegeven?';
  const reason = document.createElement('input');
  reason.id = reasonId;
  reason.className = 'utrecht-textbox utrecht-textbox--html-input';
  reason.maxLength = 300;
  reason.required = true;
  const error = document.createElement('p');
  error.className = 'proeftuin-finding-popover__error';
  error.setAttribute('role', 'alert');
  const dismiss = button(texts.PopoverDismiss ?? 'Geen identificerend gegeven', () => undefined, 'finding-dismiss');
  dismiss.type = 'submit';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const why = reason.value.trim();
    if (why.length === 0) {
      error.textContent = texts.PopoverReasonRequired ?? 'Geef een reden.';
      reason.focus();
      return;
    }
    dismiss.disabled = true;
    void actions.dismiss(finding, found, why).then((refusal) => {
      dismiss.disabled = false;
      if (refusal === null) close();
      else error.textContent = refusal;
    });
  });
  form.append(label, reason, error, dismiss);
  root.append(heading, replace, replaceAll, form);
  return root;
}

/** Opens the popover of the finding at `position` (false when there is none); `focus` moves focus to its first button. */
export function openFindingAt(view: EditorView, position: number, focus: boolean): boolean {
  const finding = findingAt(view.state, position);
  if (finding === null) return false;
  view.dispatch({ effects: open.of(finding), selection: { anchor: finding.start }, scrollIntoView: true });
  if (focus) window.requestAnimationFrame(() => view.dom.querySelector<HTMLButtonElement>('.proeftuin-finding-popover button')?.focus());
  return true;
}

/** The popover as an editor extension; add it next to the decorations that draw the findings. */
export function findingPopover(texts: Texts, actions: PopoverActions): Extension {
  const openAt = openFindingAt;
  return [
    findingsField,
    openField,
    showTooltip.compute([openField], (state): Tooltip | null => {
      const finding = state.field(openField);
      return finding === null ? null : { pos: finding.start, end: finding.end, above: false, create: (view) => ({ dom: popoverDom(view, finding, texts, actions) }) };
    }),
    keymap.of([
      { key: 'Mod-.', run: (view) => openAt(view, view.state.selection.main.head, true) },
      { key: 'Escape', run: (view) => (view.state.field(openField) === null ? false : (view.dispatch({ effects: open.of(null) }), true)) },
    ]),
    EditorView.domEventHandlers({
      click: (event, view) => {
        const position = view.posAtCoords({ x: event.clientX, y: event.clientY });
        if (position !== null && (event.target as HTMLElement).closest('.proeftuin-finding')) openAt(view, position, false);
        return false;
      },
    }),
  ];
}
