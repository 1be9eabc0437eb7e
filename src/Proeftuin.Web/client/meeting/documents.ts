// The co-edited documents of the room (the agenda's case texts and, after closing, the verslag): one DocumentSync per
// document, the one editor showing the chosen document, remote cursors, anonymisation findings and the save state.

import { DocumentSync } from './document-sync';
import { dismissalUrl, dismissFinding } from './dismissal';
import { element, fingerprint, type RoomContext } from './dom';
import { SharedEditor } from './editor';
import { findingPopover } from './finding-popover';
import { colourIndex } from './enums';
import type { CursorBroadcast, DocumentState, FindingDto } from './hub-types';
import { showKeptText } from './kept-text';
import { PendingEdits } from './pending-edits';
import { browserPendingStore } from './pending-store';
import { format } from './texts';

/** Cursor updates leave at most every this many milliseconds (the server drops faster ones). */
export const CURSOR_INTERVAL_MS = 100;

/** How long to wait before sending a cursor update sent `sinceLast` ms after the previous one (0: now). */
export function cursorDelay(sinceLast: number): number {
  return Math.max(0, CURSOR_INTERVAL_MS - sinceLast);
}

export class RoomDocuments {
  readonly syncs = new Map<string, DocumentSync>();
  private readonly findings = new Map<string, readonly FindingDto[]>();
  private editor: SharedEditor | null = null;
  private shown = '';
  private lastCursorSent = 0;
  private cursorTimer: number | undefined;
  /** Unconfirmed edits kept across a reload, per user and document. */
  private readonly pending: PendingEdits;
  /** Documents whose edits the server refused: read-only until the user reloads. */
  private readonly refused = new Set<string>();

  constructor(
    private readonly context: RoomContext,
    private readonly clientId: string,
    private readonly canEdit: (documentId: string) => boolean,
    private readonly nameOf: (userId: string) => string,
    private readonly isConnected: () => boolean,
  ) {
    this.pending = new PendingEdits(browserPendingStore(), context.root.dataset.userId ?? '');
  }

  /** Edits typed here that the server has not confirmed (a refused one aside: the user was shown that text). */
  get hasUnsent(): boolean {
    return [...this.syncs.values()].some((s) => s.hasPending && !this.refused.has(s.documentId));
  }

  get shownDocument(): string {
    return this.shown;
  }

  has(documentId: string): boolean {
    return this.syncs.has(documentId);
  }

  add(state: DocumentState): void {
    const hub = this.context.hub;
    const sync = new DocumentSync(state.documentId, state.text, state.revision, this.clientId,
      {
        submit: (documentId, baseRevision, operation, clientId, clientSeq) =>
          hub.invoke('SubmitOperation', { documentId, baseRevision, operation: operation.toJSON(), clientId, clientSeq }),
        catchUp: (documentId, revision) => hub.invoke('CatchUp', documentId, revision),
      },
      {
        remote: (operation) => {
          if (this.shown === state.documentId) this.editor?.applyRemote(operation);
          this.checkInStep(sync);
          this.renderSaveState();
        },
        refused: (error) => {
          console.warn(`Wijziging geweigerd: ${error.code}`);
          this.refused.add(state.documentId);
          this.refreshEditable();
          showKeptText(this.context, format(this.context.texts, 'Refused', error.message), sync.text, {
            label: this.context.texts.DiscardAndReload ?? '',
            discard: () => {
              this.pending.forget(state.documentId);
              void this.pending.flushed().then(() => window.location.reload());
            },
          });
        },
        pendingChanged: () => {
          this.pending.changed(state.documentId, sync.pendingSnapshot);
          this.renderSaveState();
        },
      });
    this.syncs.set(state.documentId, sync);
    this.findings.set(state.documentId, state.findings);
    const choice = document.getElementById('document-choice') as HTMLSelectElement | null;
    if (choice && ![...choice.options].some((o) => o.value === state.documentId)) {
      choice.append(new Option(this.context.texts.MinutesTitle ?? state.title, state.documentId));
    }
  }

  /**
   * Brings back what an earlier page of this user typed in the document and the server never confirmed (call right
   * after {@link add}, before the document is shown): replayed as a new local edit, or shown to copy when it no
   * longer fits the server's text.
   */
  async restorePending(documentId: string): Promise<void> {
    const sync = this.syncs.get(documentId);
    if (!sync) return;
    const hub = this.context.hub;
    const outcome = await this.pending.restore(documentId, () => ({ text: sync.text, revision: sync.revision }),
      { catchUp: (id, revision) => hub.invoke('CatchUp', id, revision) });
    const texts = this.context.texts;
    if (outcome.kind === 'replay') {
      sync.local(outcome.operation);
      if (this.shown === documentId) this.editor?.reset(sync.text);
      this.context.announce(texts.RestoredPending ?? '');
    } else if (outcome.kind === 'lost') {
      showKeptText(this.context, format(texts, 'LostPending', new Date(outcome.savedAt).toLocaleString(document.documentElement.lang)), outcome.text, {
        label: texts.CloseKeptText ?? '',
        discard: () => this.pending.forget(documentId),
      });
    }
  }

  async resyncAll(): Promise<void> {
    for (const sync of this.syncs.values()) await sync.resync();
  }

  disconnected(): void {
    for (const sync of this.syncs.values()) sync.disconnected();
  }

  show(documentId: string): void {
    const sync = this.syncs.get(documentId);
    const parent = document.getElementById('editor');
    if (!sync || !parent) return;
    this.shown = documentId;
    const choice = document.getElementById('document-choice') as HTMLSelectElement | null;
    if (choice) choice.value = documentId;
    this.editor?.view.destroy();
    this.editor = new SharedEditor(parent, sync.text, this.context.texts.EditorLabel ?? '', this.context.root.dataset.styleNonce ?? '', {
      local: (operation) => {
        sync.local(operation);
        this.renderSaveState();
      },
      selection: (anchor, head) => this.sendCursor(anchor, head),
    }, [findingPopover(this.context.texts, {
      dismiss: (finding, _found, reason) => {
        const url = dismissalUrl(documentId);
        return url === null ? Promise.resolve('Onbekend document.') : dismissFinding(url, finding, reason);
      },
      categoryName: (category) => this.context.texts[`Category${category}`] ?? category,
    })]);
    this.refreshEditable();
    this.renderFindings();
  }

  get currentEditor(): SharedEditor | null {
    return this.editor;
  }

  refreshEditable(): void {
    this.editor?.setEditable(this.canEdit(this.shown) && !this.refused.has(this.shown));
  }

  setFindings(documentId: string, findings: readonly FindingDto[]): void {
    this.findings.set(documentId, findings);
    this.renderFindings();
  }

  showRemoteCursor(cursor: CursorBroadcast): void {
    if (cursor.position.documentId !== this.shown || !this.editor) return;
    this.editor.showCursor({
      userId: cursor.userId,
      name: this.nameOf(cursor.userId),
      colourIndex: colourIndex(cursor.colour),
      anchor: cursor.position.anchor,
      head: cursor.position.head,
    });
  }

  hideCursor(userId: string): void {
    this.editor?.hideCursor(userId);
  }

  renderFindings(): void {
    const list = document.getElementById('findings');
    const findings = this.findings.get(this.shown) ?? [];
    const text = this.syncs.get(this.shown)?.text ?? '';
    const texts = this.context.texts;
    this.editor?.showFindings(findings.map((f) => ({ start: f.start, end: f.end, label: f.placeholder, category: f.category })));
    if (!list) return;
    list.replaceChildren(
      ...(findings.length === 0
        ? [element('li', {}, texts.FindingsNone ?? '')]
        : findings.map((f) => element('li', { class: 'proeftuin-finding-item' },
          format(texts, 'FindingItem', text.slice(f.start, f.end), texts[`Category${f.category}`] ?? f.category, f.placeholder)))),
    );
  }

  renderSaveState(): void {
    // The shown text's fingerprint and revision, so that tests (and support) can compare two screens exactly.
    const root = this.context.root;
    const shown = this.syncs.get(this.shown);
    if (shown) {
      root.dataset.textHash = fingerprint(shown.text);
      root.dataset.revision = String(shown.revision);
    }
    const state = document.getElementById('save-state');
    if (!state) return;
    const pending = [...this.syncs.values()].some((s) => s.hasPending);
    state.textContent = this.context.texts[pending ? 'Pending' : 'Saved'] ?? '';
  }

  /** A safety net: if the editor and the state machine ever disagree, the state machine's text wins. */
  private checkInStep(sync: DocumentSync): void {
    if (this.shown === sync.documentId && this.editor && this.editor.text !== sync.text) this.editor.reset(sync.text);
  }

  private sendCursor(anchor: number, head: number): void {
    window.clearTimeout(this.cursorTimer);
    const send = (): void => {
      this.lastCursorSent = Date.now();
      const sync = this.syncs.get(this.shown);
      if (!sync || !this.isConnected()) return;
      void this.context.hub.invoke('UpdateCursor', { documentId: sync.documentId, revision: sync.revision, anchor, head }).catch(() => undefined);
    };
    const delay = cursorDelay(Date.now() - this.lastCursorSent);
    if (delay === 0) send();
    else this.cursorTimer = window.setTimeout(send, delay);
  }
}
