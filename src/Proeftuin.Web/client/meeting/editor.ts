// The co-edited case text in CodeMirror 6: Markdown shown styled while typing, per-user undo (remote changes never
// enter the local history), remote cursors and anonymisation findings drawn in, read view on request.

import { Annotation, Compartment, EditorSelection, EditorState, Transaction, type Extension } from '@codemirror/state';
import { EditorView, keymap, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, redo, undo, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import type { TextOperation } from '../collaboration/text-operation';
import { changesToOperation, operationToChanges } from './codemirror-ot';
import { collaborationDecorations, removeRemoteCursor, setFindings, setRemoteCursor, type FindingMark, type RemoteCursor } from './decorations';
import { livePreview } from './live-preview';
import { formattingKeymap, insertLink, toggleBold, toggleItalic } from './markdown-commands';

const remote = Annotation.define<boolean>();

const markdownStyle = HighlightStyle.define([
  { tag: tags.heading1, class: 'proeftuin-md-h1' },
  { tag: tags.heading2, class: 'proeftuin-md-h2' },
  { tag: tags.heading3, class: 'proeftuin-md-h3' },
  { tag: tags.strong, class: 'proeftuin-md-strong' },
  { tag: tags.emphasis, class: 'proeftuin-md-em' },
  { tag: tags.list, class: 'proeftuin-md-list' },
  { tag: tags.processingInstruction, class: 'proeftuin-md-mark' },
]);

export interface EditorCallbacks {
  /** A local edit, as an operation on the text before it. */
  local(operation: TextOperation): void;
  /** The local cursor or selection moved. */
  selection(anchor: number, head: number): void;
}

export class SharedEditor {
  private readonly editable = new Compartment();
  readonly view: EditorView;

  /** `extensions`: extra behaviour of one page, e.g. the findings popover (finding-popover.ts). */
  constructor(parent: HTMLElement, text: string, label: string, styleNonce: string, callbacks: EditorCallbacks, extensions: readonly Extension[] = []) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          EditorView.cspNonce.of(styleNonce),
          history(),
          drawSelection(),
          keymap.of([...formattingKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
          markdown(),
          syntaxHighlighting(markdownStyle),
          livePreview(),
          EditorView.lineWrapping,
          collaborationDecorations(),
          ...extensions,
          this.editable.of(EditorView.editable.of(true)),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' }),
          EditorView.updateListener.of((update) => {
            for (const transaction of update.transactions) {
              if (transaction.docChanged && !transaction.annotation(remote)) callbacks.local(changesToOperation(transaction.changes));
            }
            if (update.selectionSet || update.docChanged) {
              const main = update.state.selection.main;
              callbacks.selection(main.anchor, main.head);
            }
          }),
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Another participant's edit, already transformed to apply to this text. */
  applyRemote(operation: TextOperation): void {
    this.view.dispatch({
      changes: operationToChanges(operation),
      annotations: [remote.of(true), Transaction.addToHistory.of(false)],
    });
  }

  /** Replaces the whole text (after a refused edit): not undoable, not sent. */
  reset(text: string): void {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      annotations: [remote.of(true), Transaction.addToHistory.of(false)],
    });
  }

  setEditable(editable: boolean): void {
    this.view.dispatch({ effects: this.editable.reconfigure(EditorView.editable.of(editable)) });
  }

  showCursor(cursor: RemoteCursor): void {
    this.view.dispatch({ effects: setRemoteCursor.of(cursor) });
  }

  hideCursor(userId: string): void {
    this.view.dispatch({ effects: removeRemoteCursor.of(userId) });
  }

  showFindings(findings: readonly FindingMark[]): void {
    this.view.dispatch({ effects: setFindings.of(findings) });
  }

  undo(): void {
    undo(this.view);
  }

  redo(): void {
    redo(this.view);
  }

  /** Toolbar: "## " before the current line. */
  heading(): void {
    const line = this.view.state.doc.lineAt(this.view.state.selection.main.head);
    this.view.dispatch({ changes: { from: line.from, insert: '## ' } });
    this.view.focus();
  }

  /** Toolbar: "- " before every selected line. */
  list(): void {
    const { state } = this.view;
    const selection = state.selection.main;
    const first = state.doc.lineAt(selection.from).number;
    const last = state.doc.lineAt(selection.to).number;
    const changes = [];
    for (let number = first; number <= last; number++) changes.push({ from: state.doc.line(number).from, insert: '- ' });
    this.view.dispatch({ changes });
    this.view.focus();
  }

  /** Toolbar and Ctrl+B: ** around the selection (or an empty pair to type into); again to take it away. */
  bold(): void {
    toggleBold(this.view);
    this.view.focus();
  }

  /** Toolbar and Ctrl+I: * around the selection. */
  italic(): void {
    toggleItalic(this.view);
    this.view.focus();
  }

  /** Toolbar: a link around the selection, its address selected to type. */
  link(): void {
    insertLink(this.view);
    this.view.focus();
  }
}
