import { describe, expect, it } from 'vitest';
import { EditorSelection, EditorState, type Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { markdown } from '@codemirror/lang-markdown';
import { livePreview, previewRanges, setFocused, type PreviewRange } from './live-preview';
import { insertLink, toggleBold, toggleItalic } from './markdown-commands';

const text = '## Kop\n\n**vet** en *schuin* [site](https://example.nl)\n- punt\n1. een';

function state(doc: string, cursor: number, editable = true, focused = true): EditorState {
  const created = EditorState.create({
    doc,
    selection: EditorSelection.cursor(cursor),
    extensions: [markdown(), livePreview(), EditorView.editable.of(editable)],
  });
  return created.update({ effects: setFocused.of(focused) }).state;
}

/** The preview as "kind:covered text", easy to read in a failing test. */
function shown(current: EditorState): string[] {
  return previewRanges(current).map((r: PreviewRange) => `${r.kind}:${current.sliceDoc(r.from, r.to)}`);
}

describe('live preview', () => {
  it('hides heading, emphasis and link marks and draws bullets on lines without the cursor', () => {
    expect(shown(state(text, text.length))).toEqual([
      'heading2:', 'hide:## ',
      'hide:**', 'hide:**', 'hide:*', 'hide:*', 'hide:[', 'link:site', 'hide:](https://example.nl)',
      'bullet:-',
    ]);
  });

  it('shows the marks of the line the cursor is on, and only there', () => {
    const onBoldLine = shown(state(text, text.indexOf('vet')));
    expect(onBoldLine).toEqual(['heading2:', 'hide:## ', 'bullet:-']);
    const onHeading = shown(state(text, 1));
    expect(onHeading).toContain('heading2:');
    expect(onHeading).not.toContain('hide:## ');
    expect(onHeading).toContain('hide:**');
  });

  it('shows the marks of every line a selection spans', () => {
    const current = EditorState.create({
      doc: text,
      selection: EditorSelection.range(0, text.indexOf('- punt') + 2),
      extensions: [markdown(), livePreview()],
    }).update({ effects: setFocused.of(true) }).state;
    expect(shown(current)).toEqual(['heading2:']);
  });

  it('hides every mark in a read-only editor, where no line is being edited', () => {
    expect(shown(state(text, 1, false))).toContain('hide:## ');
  });

  it('hides every mark while the editor does not have the focus, so the text reads as a document', () => {
    expect(shown(state(text, 1, true, false))).toContain('hide:## ');
  });

  it('keeps the numbers of an ordered list', () => {
    expect(shown(state('1. een\n2. twee', 0)).filter((s) => s.startsWith('bullet'))).toEqual([]);
  });
});

function run(command: typeof toggleBold, current: EditorState): EditorState {
  let next = current;
  command({ state: current, dispatch: (transaction: Transaction) => (next = transaction.state) });
  return next;
}

describe('formatting commands', () => {
  it('wraps the selection in ** and takes it away again (Ctrl+B twice)', () => {
    const start = EditorState.create({ doc: 'een vet woord', selection: EditorSelection.range(4, 7) });
    const bold = run(toggleBold, start);
    expect(bold.doc.toString()).toBe('een **vet** woord');
    expect(bold.sliceDoc(bold.selection.main.from, bold.selection.main.to)).toBe('vet');
    expect(run(toggleBold, bold).doc.toString()).toBe('een vet woord');
  });

  it('puts * around an italic and does not mistake bold for italic', () => {
    const start = EditorState.create({ doc: 'een **vet** woord', selection: EditorSelection.range(6, 9) });
    expect(run(toggleItalic, start).doc.toString()).toBe('een ***vet*** woord');
  });

  it('gives an empty pair to type into when nothing is selected', () => {
    const italic = run(toggleItalic, EditorState.create({ doc: 'ab', selection: EditorSelection.cursor(1) }));
    expect(italic.doc.toString()).toBe('a**b');
    expect(italic.selection.main.head).toBe(2);
  });

  it('makes a link of the selection with the address selected to type over', () => {
    const linked = run(insertLink, EditorState.create({ doc: 'zie site hier', selection: EditorSelection.range(4, 8) }));
    expect(linked.doc.toString()).toBe('zie [site](https://) hier');
    expect(linked.sliceDoc(linked.selection.main.from, linked.selection.main.to)).toBe('https://');
  });
});
