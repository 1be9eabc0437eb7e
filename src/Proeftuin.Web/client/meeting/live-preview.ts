// The case text reads like a document: headings, bold, italic, bullet lists and links are drawn in place from the
// Markdown syntax tree, and their marks (#, **, *, -, [..](..)) are hidden except on the lines the cursor or selection
// is on, where they stay visible so they can be edited. The text itself is never changed: every participant co-edits
// the same Markdown. When the editor is read-only (read view, closed meeting) or not focused, no line is active and
// all marks hide, so the text reads as a document until someone edits it.

import { StateEffect, StateField, type EditorState, type Extension, type Range } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';

/** One piece of the preview, in document positions: what the decoration logic decided, before it is drawn. */
export interface PreviewRange {
  readonly from: number;
  readonly to: number;
  /** hide: a mark left out; bullet: a list mark drawn as •; heading1..6: the heading's line; link: a link's text. */
  readonly kind: 'hide' | 'bullet' | `heading${1 | 2 | 3 | 4 | 5 | 6}` | 'link';
}

/** The editor gained (true) or lost (false) the focus; kept in state so the preview is a function of state alone. */
export const setFocused = StateEffect.define<boolean>();

const focusField = StateField.define<boolean>({
  create: () => false,
  update: (focused, transaction) => transaction.effects.reduce((value, e) => (e.is(setFocused) ? e.value : value), focused),
});

/** The line numbers the selection touches: there the marks stay visible (none when read-only or not focused). */
export function activeLines(state: EditorState): Set<number> {
  const lines = new Set<number>();
  if (!state.facet(EditorView.editable) || !state.field(focusField, false)) return lines;
  for (const range of state.selection.ranges) {
    const first = state.doc.lineAt(range.from).number;
    const last = state.doc.lineAt(range.to).number;
    for (let line = first; line <= last; line++) lines.add(line);
  }
  return lines;
}

/** How long the preview may spend parsing per update; case texts are small, so this normally covers all of it. */
const PARSE_BUDGET_MS = 50;

/** The preview of the whole text as plain ranges: the decoration logic, testable without a browser. */
export function previewRanges(state: EditorState): PreviewRange[] {
  const tree = ensureSyntaxTree(state, state.doc.length, PARSE_BUDGET_MS) ?? syntaxTree(state);
  const active = activeLines(state);
  const isActive = (position: number): boolean => active.has(state.doc.lineAt(position).number);
  const ranges: PreviewRange[] = [];
  tree.iterate({
    enter: (node) => {
      const heading = /^(?:ATX|Setext)Heading([1-6])$/.exec(node.name);
      if (heading) {
        const line = state.doc.lineAt(node.from);
        ranges.push({ from: line.from, to: line.from, kind: `heading${Number(heading[1]) as 1 | 2 | 3 | 4 | 5 | 6}` });
        return;
      }
      if (isActive(node.from)) return;
      switch (node.name) {
        case 'HeaderMark': {
          // "## Kop": the marks and the space after them; a closing "##" at the end of the line only its marks.
          const next = state.doc.sliceString(node.to, node.to + 1);
          ranges.push({ from: node.from, to: next === ' ' ? node.to + 1 : node.to, kind: 'hide' });
          break;
        }
        case 'EmphasisMark':
          ranges.push({ from: node.from, to: node.to, kind: 'hide' });
          break;
        case 'ListMark':
          // Numbers of an ordered list carry meaning and stay; a bullet's "-", "*" or "+" becomes a bullet.
          if (node.node.parent?.parent?.name === 'BulletList') ranges.push({ from: node.from, to: node.to, kind: 'bullet' });
          break;
        case 'Link': {
          const marks = node.node.getChildren('LinkMark');
          const open = marks[0];
          const close = marks[1];
          if (!open || !close || open.from !== node.from) break;
          ranges.push({ from: open.from, to: open.to, kind: 'hide' });
          if (close.to > open.to + 1) ranges.push({ from: open.to, to: close.from, kind: 'link' });
          ranges.push({ from: close.from, to: node.to, kind: 'hide' });
          return false;
        }
        default:
          break;
      }
      return undefined;
    },
  });
  return ranges;
}

class BulletWidget extends WidgetType {
  override eq(): boolean {
    return true;
  }

  toDOM(): HTMLElement {
    const bullet = document.createElement('span');
    bullet.className = 'proeftuin-md-bullet';
    bullet.textContent = '•';
    return bullet;
  }
}

const bullet = Decoration.replace({ widget: new BulletWidget() });
const hidden = Decoration.replace({});
const link = Decoration.mark({ class: 'proeftuin-md-link' });
const headingLines = [1, 2, 3, 4, 5, 6].map((level) => Decoration.line({ class: `proeftuin-md-line proeftuin-md-line-h${level}` }));

function toDecoration(range: PreviewRange): Range<Decoration> {
  switch (range.kind) {
    case 'hide': return hidden.range(range.from, range.to);
    case 'bullet': return bullet.range(range.from, range.to);
    case 'link': return link.range(range.from, range.to);
    default: return headingLines[Number(range.kind.slice('heading'.length)) - 1]!.range(range.from);
  }
}

export function previewDecorations(state: EditorState): DecorationSet {
  return Decoration.set(previewRanges(state).map(toDecoration), true);
}

const previewField = StateField.define<DecorationSet>({
  create: (state) => previewDecorations(state),
  update(decorations, transaction) {
    const changed = transaction.docChanged || transaction.selection !== undefined
      || transaction.startState.field(focusField, false) !== transaction.state.field(focusField, false)
      || syntaxTree(transaction.startState) !== syntaxTree(transaction.state)
      || transaction.startState.facet(EditorView.editable) !== transaction.state.facet(EditorView.editable);
    return changed ? previewDecorations(transaction.state) : decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The live preview; needs the Markdown language (markdown()) in the same editor. */
export function livePreview(): Extension {
  return [focusField, previewField, EditorView.focusChangeEffect.of((_state, focusing) => setFocused.of(focusing))];
}
