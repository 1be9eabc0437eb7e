// Formatting commands of the editor's toolbar and keyboard (Ctrl+B, Ctrl+I): they write the Markdown marks the live
// preview then draws. Written as CodeMirror state commands, so they run on an EditorView and, in tests, on a bare state.

import { EditorSelection, type StateCommand } from '@codemirror/state';
import type { KeyBinding } from '@codemirror/view';

/**
 * Puts `mark` around every selected range (an empty pair to type into when nothing is selected), or takes it away when
 * the range is already wrapped in it, so pressing Ctrl+B twice undoes the bold.
 */
export function toggleWrap(mark: string): StateCommand {
  return ({ state, dispatch }) => {
    const size = mark.length;
    const transaction = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - size, range.from);
      const after = state.sliceDoc(range.to, range.to + size);
      // "**" around an italic's "*" would be read as wrapped in "*": only an exact mark counts.
      const outsideBefore = state.sliceDoc(range.from - size - 1, range.from - size);
      const outsideAfter = state.sliceDoc(range.to + size, range.to + size + 1);
      const wrapped = before === mark && after === mark && outsideBefore !== mark[0] && outsideAfter !== mark[0];
      if (wrapped) {
        return {
          changes: [{ from: range.from - size, to: range.from }, { from: range.to, to: range.to + size }],
          range: EditorSelection.range(range.from - size, range.to - size),
        };
      }
      return {
        changes: [{ from: range.from, insert: mark }, { from: range.to, insert: mark }],
        range: EditorSelection.range(range.from + size, range.to + size),
      };
    });
    dispatch(state.update(transaction, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

export const toggleBold = toggleWrap('**');
export const toggleItalic = toggleWrap('*');

/** The address a new link starts with; selected afterwards so typing replaces it. */
export const LINK_PLACEHOLDER = 'https://';

/** "[selection](https://)" with the address selected; with nothing selected, the link text is empty to type. */
export const insertLink: StateCommand = ({ state, dispatch }) => {
  const transaction = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    const insert = `[${text}](${LINK_PLACEHOLDER})`;
    const selection = text.length === 0
      ? EditorSelection.cursor(range.from + 1)
      : EditorSelection.range(range.from + text.length + 3, range.from + text.length + 3 + LINK_PLACEHOLDER.length);
    return { changes: { from: range.from, to: range.to, insert }, range: selection };
  });
  dispatch(state.update(transaction, { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};

/** Ctrl+B and Ctrl+I (Cmd on a Mac); placed before the default keymap so they win. */
export const formattingKeymap: readonly KeyBinding[] = [
  { key: 'Mod-b', run: toggleBold, preventDefault: true },
  { key: 'Mod-i', run: toggleItalic, preventDefault: true },
];
