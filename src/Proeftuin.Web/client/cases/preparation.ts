// The case page's live editor: members of the wijk prepare the case text together before any meeting, over the case
// hub, with the meeting room's modules (DocumentSync, SharedEditor, decorations, the findings popover). The text is
// the room's document case:{id}: an edit here reaches a meeting room that has the case open, and the other way round.

import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { DocumentSync } from '../meeting/document-sync';
import { announce, element, fingerprint, wait } from '../meeting/dom';
import { dismissFinding } from '../meeting/dismissal';
import { SharedEditor } from '../meeting/editor';
import { colourIndex } from '../meeting/enums';
import { findingPopover, openFindingAt } from '../meeting/finding-popover';
import type { FindingDto } from '../meeting/hub-types';
import { format, readTexts } from '../meeting/texts';
import { CaseHubApi, type CaseSnapshot } from './case-hub';
import { PresenceList } from '../meeting/participants';

const root = document.getElementById('case-preparation');
const parent = document.getElementById('case-editor');
if (root && parent) void prepare(root, parent);

async function prepare(root: HTMLElement, parent: HTMLElement): Promise<void> {
  const caseId = root.dataset.caseId ?? '';
  const texts = readTexts(document.getElementById('case-texts'));
  const connection = new HubConnectionBuilder()
    .withUrl('/hubs/case')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => Math.min(1000 * (context.previousRetryCount + 1), 5000) })
    .withKeepAliveInterval(5000)
    .withServerTimeout(20000)
    .configureLogging(LogLevel.Warning)
    .build();
  const hub = new CaseHubApi(connection);
  const clientId = crypto.randomUUID();
  const presence = new PresenceList(() => document.getElementById('case-participants'), texts);
  let sync: DocumentSync | null = null;
  let editor: SharedEditor | null = null;
  let findings: readonly FindingDto[] = [];
  let lastCursor = 0;

  const status = (key: string): void => {
    const element = document.getElementById('case-connection');
    if (element) element.textContent = texts[key] ?? key;
    root.dataset.connection = key;
  };

  const renderState = (): void => {
    if (!sync) return;
    root.dataset.textHash = fingerprint(sync.text);
    root.dataset.revision = String(sync.revision);
    const state = document.getElementById('case-save-state');
    if (state) state.textContent = texts[sync.hasPending ? 'Pending' : 'Saved'] ?? '';
  };

  const renderFindings = (): void => {
    editor?.showFindings(findings.map((f) => ({ start: f.start, end: f.end, label: f.placeholder, category: f.category })));
    const list = document.getElementById('case-findings');
    if (!list || !sync) return;
    const text = sync.text;
    list.replaceChildren(...(findings.length === 0
      ? [element('li', { 'data-testid': 'no-live-findings' }, texts.FindingsNone ?? '')]
      : findings.map((f) => {
        const show = element('button', { type: 'button', class: 'utrecht-button utrecht-button--subtle' }, texts.FindingShow ?? 'Toon');
        show.addEventListener('click', () => {
          if (editor) openFindingAt(editor.view, f.start, true);
        });
        return element('li', { class: 'proeftuin-finding-item', 'data-testid': 'live-finding' },
          format(texts, 'FindingItem', text.slice(f.start, f.end), texts[`Category${f.category}`] ?? f.category, f.placeholder), ' ', show);
      })));
    root.dataset.findings = String(findings.length);
  };

  const start = (snapshot: CaseSnapshot): void => {
    const state = snapshot.document;
    sync = new DocumentSync(state.documentId, state.text, state.revision, clientId,
      {
        submit: (documentId, baseRevision, operation, id, clientSeq) =>
          hub.invoke('SubmitOperation', { documentId, baseRevision, operation: operation.toJSON(), clientId: id, clientSeq }),
        catchUp: (documentId, revision) => hub.invoke('CatchUp', documentId, revision),
      },
      {
        remote: (operation) => {
          editor?.applyRemote(operation);
          if (editor && sync && editor.text !== sync.text) editor.reset(sync.text);
          renderState();
        },
        refused: (error) => {
          // Never silently: the refusal is said, and the page reloads with the server's text.
          announce(format(texts, 'Refused', error.message));
          window.setTimeout(() => window.location.reload(), 1500);
        },
        pendingChanged: () => renderState(),
      });
    const current = sync;
    editor = new SharedEditor(parent, state.text, texts.EditorLabel ?? '', root.dataset.styleNonce ?? '', {
      local: (operation) => {
        current.local(operation);
        renderState();
      },
      selection: (anchor, head) => {
        if (Date.now() - lastCursor < 100) return;
        lastCursor = Date.now();
        void hub.invoke('UpdateCursor', { documentId: current.documentId, revision: current.revision, anchor, head }).catch(() => undefined);
      },
    }, [findingPopover(texts, {
      dismiss: (finding, _found, reason) => dismissFinding(`/api/cases/${caseId}/dismissals`, finding, reason),
      categoryName: (category) => texts[`Category${category}`] ?? category,
    })]);
    findings = state.findings;
    renderFindings();
    renderState();
  };

  hub.on('OperationApplied', (message) => sync?.broadcast(message));
  hub.on('FindingsChanged', (message) => {
    findings = message.findings;
    renderFindings();
    announce(findings.length === 0 ? texts.FindingsNone ?? '' : format(texts, 'FindingsCount', findings.length));
  });
  hub.on('ParticipantJoined', (participant) => presence.joined(participant));
  hub.on('ParticipantLeft', (userId) => {
    presence.left(userId);
    editor?.hideCursor(userId);
  });
  hub.on('CursorMoved', (cursor) => editor?.showCursor({
    userId: cursor.userId, name: presence.nameOf(cursor.userId), colourIndex: colourIndex(cursor.colour),
    anchor: cursor.position.anchor, head: cursor.position.head,
  }));

  const join = async (rejoin: boolean): Promise<void> => {
    const result = await hub.invoke('JoinCase', caseId);
    if (!result.ok || result.value === null) {
      // Taken out of the wijk (the server closed the connection, the rejoin is refused): say so and stop trying.
      const refused = result.error?.code === 'forbidden';
      status(refused ? 'CaseNoAccess' : 'Disconnected');
      announce(result.error?.message ?? '');
      if (refused) await connection.stop();
      return;
    }
    presence.replaceAll(result.value.participants);
    if (rejoin && sync) await sync.resync();
    else start(result.value);
    status('Connected');
  };

  connection.onreconnecting(() => {
    status('Reconnecting');
    sync?.disconnected();
  });
  connection.onreconnected(() => void join(true));
  window.addEventListener('beforeunload', (event) => {
    if (sync?.hasPending) event.preventDefault();
  });
  status('Connecting');
  for (;;) {
    try {
      await connection.start();
      break;
    } catch {
      status('Disconnected');
      await wait(2000);
    }
  }
  await join(false);
}
