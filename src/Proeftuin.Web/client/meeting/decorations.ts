// What others do, drawn into the editor: their cursors and selections in their colour, and anonymisation findings
// underlined. Both are kept in editor state and mapped through every change, so they stay in place while anyone types.

import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view';

export interface RemoteCursor {
  readonly userId: string;
  readonly name: string;
  readonly colourIndex: number;
  readonly anchor: number;
  readonly head: number;
}

export interface FindingMark {
  readonly start: number;
  readonly end: number;
  /** The proposed placeholder. */
  readonly label: string;
  /** The category code (PERSON, DATE…), which a dismissal names. */
  readonly category?: string;
}

export const setRemoteCursor = StateEffect.define<RemoteCursor>();
export const removeRemoteCursor = StateEffect.define<string>();
export const setFindings = StateEffect.define<readonly FindingMark[]>();

class CaretWidget extends WidgetType {
  constructor(
    private readonly name: string,
    private readonly colourIndex: number,
  ) {
    super();
  }

  override eq(other: CaretWidget): boolean {
    return other.name === this.name && other.colourIndex === this.colourIndex;
  }

  toDOM(): HTMLElement {
    const caret = document.createElement('span');
    caret.className = `proeftuin-remote-caret proeftuin-colour-${this.colourIndex}`;
    caret.setAttribute('aria-hidden', 'true');
    // The name is drawn by CSS from this attribute, so it never becomes part of the text (copying, searching).
    caret.dataset.name = this.name;
    return caret;
  }
}

const cursorsField = StateField.define<Map<string, RemoteCursor>>({
  create: () => new Map(),
  update(cursors, transaction) {
    let next = cursors;
    if (!transaction.changes.empty) {
      next = new Map();
      for (const [id, cursor] of cursors) {
        next.set(id, {
          ...cursor,
          anchor: transaction.changes.mapPos(cursor.anchor, 1),
          head: transaction.changes.mapPos(cursor.head, 1),
        });
      }
    }
    for (const effect of transaction.effects) {
      if (effect.is(setRemoteCursor)) {
        if (next === cursors) next = new Map(cursors);
        const length = transaction.state.doc.length;
        next.set(effect.value.userId, {
          ...effect.value,
          anchor: Math.min(effect.value.anchor, length),
          head: Math.min(effect.value.head, length),
        });
      } else if (effect.is(removeRemoteCursor)) {
        if (next === cursors) next = new Map(cursors);
        next.delete(effect.value);
      }
    }
    return next;
  },
  provide: (field) =>
    EditorView.decorations.from(field, (cursors) => {
      const ranges: Range<Decoration>[] = [];
      for (const cursor of cursors.values()) {
        const from = Math.min(cursor.anchor, cursor.head);
        const to = Math.max(cursor.anchor, cursor.head);
        if (from < to) {
          ranges.push(Decoration.mark({ class: `proeftuin-remote-selection proeftuin-colour-${cursor.colourIndex}` }).range(from, to));
        }
        ranges.push(Decoration.widget({ widget: new CaretWidget(cursor.name, cursor.colourIndex), side: 1 }).range(cursor.head));
      }
      return Decoration.set(ranges, true);
    }),
});

const findingsField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setFindings)) {
        const length = transaction.state.doc.length;
        next = Decoration.set(
          effect.value
            .filter((f) => f.start < f.end && f.end <= length)
            .map((f) => Decoration.mark({ class: 'proeftuin-finding', attributes: { title: f.label } }).range(f.start, f.end)),
          true,
        );
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function collaborationDecorations(): Extension {
  return [cursorsField, findingsField];
}
