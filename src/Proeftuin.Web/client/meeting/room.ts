// The meeting room in the browser: one hub connection, the agenda with phase and countdown, who is present, the case
// texts co-edited live, recommendations, the chair's controls and the "eerst schrijven, dan delen" round.
// The page renders the frame and the forms; this fills them in and keeps them live.

import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { TextOperation } from '../collaboration/text-operation';
import { DocumentSync, type HubResult, type OperationMessage, type SubmitAck } from './document-sync';
import { SharedEditor } from './editor';
import { formatGuid, parseDocumentId } from './document-id';
import {
  colourIndex,
  type CursorBroadcast,
  type DocumentState,
  type EvaluationSummary,
  type Finding,
  type FindingsBroadcast,
  type MeetingSnapshot,
  type MeetingState,
  type MinutesView,
  type Participant,
  type RecommendationView,
  type WritingRoundView,
} from './hub-types';
import { clock, format, readTexts, type Texts } from './texts';

async function startRoom(rootElement: HTMLElement): Promise<void> {
  const room = new MeetingRoom(rootElement, readTexts(document.getElementById('room-texts')));
  await room.start();
}

class MeetingRoom {
  private readonly meetingId: string;
  private readonly isChair: boolean;
  private readonly connection: HubConnection;
  private readonly clientId = `web-${crypto.randomUUID()}`;
  private readonly syncs = new Map<string, DocumentSync>();
  private readonly findings = new Map<string, readonly Finding[]>();
  private readonly participants = new Map<string, Participant>();
  private readonly recommendations = new Map<string, RecommendationView>();
  private editor: SharedEditor | null = null;
  private shownDocument = '';
  private state: MeetingState | null = null;
  private stateReceivedAt = 0;
  private round: WritingRoundView | null = null;
  private lastCursorSent = 0;
  private cursorTimer: number | undefined;
  private readMode = false;
  private reconnecting = false;
  private minutes: MinutesView | null = null;
  private evaluated = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly texts: Texts,
  ) {
    this.meetingId = root.dataset.meetingId ?? '';
    this.isChair = root.dataset.chair === 'true';
    this.connection = new HubConnectionBuilder()
      .withUrl('/hubs/meeting')
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => Math.min(1000 * (context.previousRetryCount + 1), 5000) })
      .withKeepAliveInterval(5000)
      .withServerTimeout(20000)
      .configureLogging(LogLevel.Warning)
      .build();
  }

  async start(): Promise<void> {
    this.wireHub();
    this.wireControls();
    window.setInterval(() => this.renderTimer(), 1000);
    await this.connect();
  }

  // --- connection ------------------------------------------------------------------------------------------------

  private async connect(): Promise<void> {
    this.status('Connecting');
    for (;;) {
      try {
        await this.connection.start();
        break;
      } catch {
        this.status('Disconnected');
        await new Promise((resolve) => window.setTimeout(resolve, 2000));
      }
    }
    await this.join(false);
  }

  private async join(rejoin: boolean): Promise<void> {
    const result = await this.connection.invoke<HubResult<MeetingSnapshot>>('JoinMeeting', this.meetingId);
    if (!result.ok || result.value === null) {
      this.status('Disconnected');
      this.announce(format(this.texts, 'ErrorPrefix', result.error?.message ?? ''));
      return;
    }
    const snapshot = result.value;
    if (rejoin) {
      for (const sync of this.syncs.values()) await sync.resync();
    }
    for (const document of snapshot.documents) {
      if (!this.syncs.has(document.documentId)) this.addDocument(document);
    }
    this.minutes = snapshot.minutes;
    this.renderEvaluation(snapshot.evaluation);
    if (!rejoin) this.showDocument(this.initialDocument(snapshot));
    this.participants.clear();
    for (const participant of snapshot.participants) this.participants.set(participant.userId, participant);
    this.recommendations.clear();
    for (const recommendation of snapshot.recommendations) this.recommendations.set(recommendation.id, recommendation);
    for (const document of snapshot.documents) this.findings.set(document.documentId, document.findings);
    this.round = snapshot.writingRounds.length > 0 ? snapshot.writingRounds[snapshot.writingRounds.length - 1]! : null;
    this.applyState(snapshot.state, false);
    this.renderParticipants();
    this.renderRecommendations();
    this.renderFindings();
    this.renderRound();
    this.status('Connected');
    this.renderSaveState();
  }

  private wireHub(): void {
    const hub = this.connection;
    hub.on('OperationApplied', (message: OperationMessage) => this.syncs.get(message.documentId)?.broadcast(message));
    hub.on('ParticipantJoined', (participant: Participant) => {
      this.participants.set(participant.userId, participant);
      this.renderParticipants();
      this.announce(format(this.texts, 'AnnounceJoined', participant.name));
    });
    hub.on('ParticipantLeft', (userId: string) => {
      const participant = this.participants.get(userId);
      this.participants.delete(userId);
      this.editor?.hideCursor(userId);
      this.renderParticipants();
      if (participant) this.announce(format(this.texts, 'AnnounceLeft', participant.name));
    });
    hub.on('MeetingStateChanged', (state: MeetingState) => this.applyState(state, true));
    hub.on('RecommendationChanged', (recommendation: RecommendationView) => {
      const isNew = !this.recommendations.has(recommendation.id);
      this.recommendations.set(recommendation.id, recommendation);
      this.renderRecommendations();
      if (isNew) this.announce(format(this.texts, 'AnnounceRecommendation', recommendation.text));
    });
    hub.on('RecommendationRemoved', (id: string) => {
      this.recommendations.delete(id);
      this.renderRecommendations();
    });
    hub.on('CursorMoved', (cursor: CursorBroadcast) => this.showRemoteCursor(cursor));
    hub.on('MinutesChanged', (minutes: MinutesView) => void this.minutesChanged(minutes));
    hub.on('EvaluationChanged', (summary: EvaluationSummary) => this.renderEvaluation(summary));
    hub.on('FindingsChanged', (broadcast: FindingsBroadcast) => {
      this.findings.set(broadcast.documentId, broadcast.findings);
      this.renderFindings();
    });
    hub.on('WritingRoundChanged', (round: WritingRoundView) => {
      const opened = this.round?.id !== round.id;
      const revealed = round.status === 'Revealed' && this.round?.status !== 'Revealed';
      // Keep my own answer: the room's copy of an open round never carries it.
      const mine = this.round?.id === round.id ? this.round.entries : [];
      this.round = round.status === 'Revealed' || round.entries.length > 0 ? round : { ...round, entries: mine };
      this.renderRound();
      if (opened) this.announce(format(this.texts, 'AnnounceRoundOpened', round.prompt));
      if (revealed) this.announce(this.texts.AnnounceRoundRevealed ?? '');
    });
    // A browser that loses the network may keep a dead WebSocket for minutes: go offline at once and say so,
    // keep typing locally, and reconnect (and resync) as soon as the network is back.
    window.addEventListener('offline', () => {
      for (const sync of this.syncs.values()) sync.disconnected();
      this.status('Reconnecting');
      void this.connection.stop();
    });
    window.addEventListener('online', () => void this.reconnectAfterClose());
    hub.onreconnecting(() => {
      for (const sync of this.syncs.values()) sync.disconnected();
      this.status('Reconnecting');
    });
    hub.onreconnected(() => void this.join(true));
    hub.onclose(() => {
      for (const sync of this.syncs.values()) sync.disconnected();
      this.status('Reconnecting');
      window.setTimeout(() => void this.reconnectAfterClose(), 2000);
    });
  }

  private async reconnectAfterClose(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    try {
      await this.reconnectLoop();
    } finally {
      this.reconnecting = false;
    }
  }

  private async reconnectLoop(): Promise<void> {
    while (this.connection.state === HubConnectionState.Disconnected) {
      if (!navigator.onLine) {
        await new Promise((resolve) => window.setTimeout(resolve, 1000));
        continue;
      }
      try {
        await this.connection.start();
        await this.join(true);
        return;
      } catch {
        await new Promise((resolve) => window.setTimeout(resolve, 2000));
      }
    }
  }

  // --- documents -------------------------------------------------------------------------------------------------

  private addDocument(state: DocumentState): void {
    const sync = new DocumentSync(
      state.documentId,
      state.text,
      state.revision,
      this.clientId,
      {
        submit: (documentId, baseRevision, operation, clientId, clientSeq) =>
          this.connection.invoke<HubResult<SubmitAck>>('SubmitOperation', { documentId, baseRevision, operation: operation.toJSON(), clientId, clientSeq }),
        catchUp: (documentId, revision) => this.connection.invoke<HubResult<OperationMessage[]>>('CatchUp', documentId, revision),
      },
      {
        remote: (operation) => {
          if (this.shownDocument === state.documentId) this.editor?.applyRemote(operation);
          this.checkInStep(sync);
          this.renderSaveState();
        },
        refused: (error) => {
          console.warn(`Wijziging geweigerd: ${error.code}`);
          this.announce(format(this.texts, 'Refused', error.message));
          window.setTimeout(() => window.location.reload(), 1500);
        },
        pendingChanged: () => this.renderSaveState(),
      },
    );
    this.syncs.set(state.documentId, sync);
    const choice = document.getElementById('document-choice') as HTMLSelectElement | null;
    if (choice && ![...choice.options].some((o) => o.value === state.documentId)) {
      choice.append(new Option(this.texts.MinutesTitle ?? state.title, state.documentId));
    }
  }

  /** The verslag was made (at closing: open it for everyone) or made final (read-only from now on). */
  private async minutesChanged(minutes: MinutesView): Promise<void> {
    const isNew = this.minutes === null;
    this.minutes = minutes;
    if (minutes.status === 'Final') {
      if (this.shownDocument === minutes.documentId) this.editor?.setEditable(false);
      this.announce(this.texts.MinutesFinal ?? '');
    } else if (isNew) {
      await this.join(false);
      this.showDocument(minutes.documentId);
      this.announce(this.texts.MinutesReady ?? '');
    }
    if (this.state) this.renderChairControls(this.state);
  }

  /** Case texts are editable until the meeting closes, the verslag until it is final; never in the read view. */
  private editable(documentId: string): boolean {
    if (this.readMode) return false;
    if (this.minutes !== null && documentId === this.minutes.documentId) return this.minutes.status !== 'Final';
    return this.state?.status !== 'Closed';
  }

  private initialDocument(snapshot: MeetingSnapshot): string {
    const current = snapshot.state.currentAgendaItemId;
    const item = current ? this.root.querySelector<HTMLElement>(`#agenda li[data-item-id="${current}"]`) : null;
    return item?.dataset.documentId ?? snapshot.documents[0]?.documentId ?? '';
  }

  private showDocument(documentId: string): void {
    const sync = this.syncs.get(documentId);
    const parent = document.getElementById('editor');
    if (!sync || !parent) return;
    this.shownDocument = documentId;
    const choice = document.getElementById('document-choice') as HTMLSelectElement | null;
    if (choice) choice.value = documentId;
    this.editor?.view.destroy();
    this.editor = new SharedEditor(parent, sync.text, this.texts.EditorLabel ?? '', this.root.dataset.styleNonce ?? '', {
      local: (operation) => {
        sync.local(operation);
        this.renderSaveState();
      },
      selection: (anchor, head) => this.sendCursor(anchor, head),
    });
    this.editor.setEditable(this.editable(documentId));
    this.renderFindings();
  }

  /** A safety net: if the editor and the state machine ever disagree, the state machine's text wins. */
  private checkInStep(sync: DocumentSync): void {
    if (this.shownDocument === sync.documentId && this.editor && this.editor.text !== sync.text) this.editor.reset(sync.text);
  }

  private sendCursor(anchor: number, head: number): void {
    window.clearTimeout(this.cursorTimer);
    const wait = 100 - (Date.now() - this.lastCursorSent);
    const send = (): void => {
      this.lastCursorSent = Date.now();
      const sync = this.syncs.get(this.shownDocument);
      if (!sync || this.connection.state !== HubConnectionState.Connected) return;
      void this.connection.invoke('UpdateCursor', { documentId: sync.documentId, revision: sync.revision, anchor, head }).catch(() => undefined);
    };
    if (wait <= 0) send();
    else this.cursorTimer = window.setTimeout(send, wait);
  }

  private showRemoteCursor(cursor: CursorBroadcast): void {
    if (cursor.position.documentId !== this.shownDocument || !this.editor) return;
    const participant = this.participants.get(cursor.userId);
    this.editor.showCursor({
      userId: cursor.userId,
      name: participant?.name ?? '',
      colourIndex: colourIndex(cursor.colour),
      anchor: cursor.position.anchor,
      head: cursor.position.head,
    });
  }

  // --- meeting state ---------------------------------------------------------------------------------------------

  private applyState(state: MeetingState, announce: boolean): void {
    const previous = this.state;
    this.state = state;
    this.stateReceivedAt = Date.now();
    const status = document.getElementById('meeting-status');
    if (status) status.textContent = this.texts[`Status${state.status}`] ?? state.status;
    const phaseName = state.phase ? (this.texts[`Phase${state.phase}`] ?? state.phase) : null;
    const phase = document.getElementById('phase');
    if (phase) {
      // A closed meeting has no current phase; the status above already says it is closed.
      phase.hidden = state.status === 'Closed';
      phase.textContent = phaseName ? format(this.texts, 'PhaseLabel', phaseName) : (this.texts.NotStarted ?? '');
    }
    for (const item of this.root.querySelectorAll<HTMLElement>('#agenda li')) {
      const current = item.dataset.itemId === state.currentAgendaItemId;
      item.classList.toggle('proeftuin-agenda__item--current', current);
      if (current) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
    if (announce && phaseName && (previous?.phase !== state.phase || previous?.currentAgendaItemId !== state.currentAgendaItemId)) {
      this.announce(format(this.texts, 'AnnouncePhase', phaseName));
    }
    if (announce && state.status === 'Closed' && previous?.status !== 'Closed') this.announce(this.texts.AnnounceClosed ?? '');
    this.renderChairControls(state);
    this.editor?.setEditable(this.editable(this.shownDocument));
    const evaluation = document.getElementById('evaluation-form') as HTMLFormElement | null;
    if (evaluation) evaluation.hidden = this.evaluated || !(state.status === 'Closed' || state.phase === 'Evaluation');
    this.renderTimer();
  }

  /** Only what can be done now is enabled: start before the meeting, the rest while it runs. */
  private renderChairControls(state: MeetingState): void {
    const live = state.status === 'Live';
    for (const control of this.root.querySelectorAll<HTMLButtonElement>('[data-action]')) {
      control.disabled = control.dataset.action === 'start' ? state.status !== 'Planned'
        : control.dataset.action === 'finalise' ? this.minutes?.status !== 'Draft'
        : !live;
    }
    const roundOpen = this.round !== null && this.round.status !== 'Revealed';
    const reveal = this.root.querySelector<HTMLButtonElement>('[data-action="round-reveal"]');
    if (reveal) reveal.disabled = !live || !roundOpen;
    for (const control of this.root.querySelectorAll<HTMLInputElement | HTMLButtonElement>('#round-open-form input, #round-open-form button')) {
      control.disabled = !live || roundOpen;
    }
  }

  private renderTimer(): void {
    const timer = document.getElementById('timer');
    const state = this.state;
    if (!timer || !state || state.remainingSeconds === null || state.status !== 'Live') {
      if (timer) timer.textContent = '';
      return;
    }
    const elapsed = state.timerRunning ? (Date.now() - this.stateReceivedAt) / 1000 : 0;
    const remaining = state.remainingSeconds - elapsed;
    timer.textContent = remaining < 0
      ? format(this.texts, 'TimerOver', clock(remaining))
      : format(this.texts, state.timerRunning ? 'TimerRunning' : 'TimerPaused', clock(remaining));
    timer.classList.toggle('proeftuin-timer--over', remaining < 0);
  }

  // --- rendering -------------------------------------------------------------------------------------------------

  private status(key: string): void {
    const element = document.getElementById('connection-status');
    if (element) element.textContent = this.texts[key] ?? key;
    this.root.dataset.connection = key;
  }

  private renderSaveState(): void {
    // The shown text's fingerprint and revision, so that tests (and support) can compare two screens exactly.
    const shown = this.syncs.get(this.shownDocument);
    if (shown) {
      this.root.dataset.textHash = fingerprint(shown.text);
      this.root.dataset.revision = String(shown.revision);
    }
    const element = document.getElementById('save-state');
    if (!element) return;
    const pending = [...this.syncs.values()].some((s) => s.hasPending);
    element.textContent = this.texts[pending ? 'Pending' : 'Saved'] ?? '';
  }

  private announce(message: string): void {
    const announcer = document.getElementById('announcer');
    if (!announcer || !message) return;
    announcer.textContent = '';
    window.setTimeout(() => (announcer.textContent = message), 50);
  }

  private renderParticipants(): void {
    const list = document.getElementById('participants');
    if (!list) return;
    const items = [...this.participants.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    list.replaceChildren(
      ...(items.length === 0
        ? [element('li', {}, this.texts.ParticipantsNone ?? '')]
        : items.map((p) =>
            element('li', { class: 'proeftuin-participant', 'data-user-id': p.userId },
              element('span', { class: `proeftuin-swatch proeftuin-colour-${colourIndex(p.colour)}`, 'aria-hidden': 'true' }),
              `${p.name} — ${this.texts[`Discipline${p.discipline}`] ?? p.discipline}`),
          )),
    );
  }

  private renderFindings(): void {
    const list = document.getElementById('findings');
    const findings = this.findings.get(this.shownDocument) ?? [];
    const text = this.syncs.get(this.shownDocument)?.text ?? '';
    this.editor?.showFindings(findings.map((f) => ({ start: f.start, end: f.end, label: f.placeholder })));
    if (!list) return;
    list.replaceChildren(
      ...(findings.length === 0
        ? [element('li', {}, this.texts.FindingsNone ?? '')]
        : findings.map((f) => element('li', { class: 'proeftuin-finding-item' }, format(this.texts, 'FindingItem', text.slice(f.start, f.end), this.texts[`Category${f.category}`] ?? f.category, f.placeholder)))),
    );
  }

  private renderRecommendations(): void {
    const list = document.getElementById('recommendations');
    if (!list) return;
    const items = [...this.recommendations.values()];
    list.replaceChildren(
      ...(items.length === 0
        ? [element('li', {}, this.texts.RecommendationsNone ?? '')]
        : items.map((r) => this.recommendationItem(r))),
    );
  }

  private recommendationItem(r: RecommendationView): HTMLElement {
    const pillars = element('ul', { class: 'proeftuin-pillar-tags', 'aria-label': this.texts.Pillars ?? '' },
      ...r.pillars.map((p) => element('li', { class: `proeftuin-pillar-tag proeftuin-pillar--${p.toLowerCase()}` }, this.texts[`Pillar${p}`] ?? p)));
    const statusSelect = element('select', { class: 'utrecht-select utrecht-select--html-select', 'aria-label': `${this.texts.ChangeStatus ?? ''}: ${r.text}` },
      ...['Proposed', 'Agreed', 'InProgress', 'Done', 'Dropped'].map((s) => {
        const option = element('option', { value: s }, this.texts[`RecStatus${s}`] ?? s) as HTMLOptionElement;
        option.selected = s === r.status;
        return option;
      })) as HTMLSelectElement;
    statusSelect.addEventListener('change', () => void this.call('ChangeRecommendationStatus', r.id, r.version, statusSelect.value));
    const remove = element('button', { type: 'button', class: 'utrecht-button utrecht-button--subtle' }, this.texts.Delete ?? '');
    remove.addEventListener('click', () => {
      if (window.confirm(this.texts.ConfirmDelete ?? '')) void this.call('DeleteRecommendation', r.id, r.version);
    });
    const owner = r.ownerId ? document.querySelector<HTMLOptionElement>(`#rec-owner option[value="${r.ownerId}"]`)?.text : undefined;
    const meta = [
      format(this.texts, 'RecommendationMeta', this.texts[`Level${r.level}`] ?? r.level, r.addressedTo.map((d) => this.texts[`Discipline${d}`] ?? d).join(', ') || '—'),
      owner ? format(this.texts, 'OwnedBy', owner) : null,
      r.dueDate ? format(this.texts, 'DueBy', r.dueDate) : null,
    ].filter((part) => part !== null).join(' · ');
    return element('li', { class: 'proeftuin-recommendation', 'data-recommendation-id': r.id },
      element('p', { class: 'proeftuin-recommendation__text' }, r.text), pillars, element('p', { class: 'proeftuin-recommendation__meta' }, meta),
      statusSelect, remove);
  }

  private renderRound(): void {
    const status = document.getElementById('round-status');
    const form = document.getElementById('round-form') as HTMLFormElement | null;
    const answers = document.getElementById('round-answers');
    const round = this.round;
    if (!status || !form || !answers) return;
    if (round === null) {
      status.textContent = this.texts.RoundNone ?? '';
      form.hidden = true;
      answers.replaceChildren();
      return;
    }
    const open = round.status !== 'Revealed' && this.state?.status === 'Live';
    status.textContent = round.status === 'Revealed'
      ? format(this.texts, 'RoundRevealedHeading', round.prompt)
      : `${round.prompt} — ${format(this.texts, 'RoundWritten', round.writtenBy.length)}`;
    form.hidden = !open;
    if (this.state) this.renderChairControls(this.state);
    answers.replaceChildren(...round.entries.map((e) =>
      element('li', { class: 'proeftuin-round-answer' }, element('strong', {}, `${e.authorName} (${this.texts[`Discipline${e.discipline}`] ?? e.discipline})`), ` ${e.text}`)));
  }

  // --- controls --------------------------------------------------------------------------------------------------

  private wireControls(): void {
    document.getElementById('document-choice')?.addEventListener('change', (event) => this.showDocument((event.target as HTMLSelectElement).value));
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-format]')) {
      button.addEventListener('click', () => this.format(button));
    }
    if (this.isChair) {
      const actions: Record<string, () => Promise<unknown>> = {
        start: () => this.call('StartMeeting'),
        advance: () => this.call('AdvancePhase'),
        'timer-start': () => this.call('StartTimer'),
        'timer-pause': () => this.call('PauseTimer'),
        extend: () => this.call('ExtendTimer', 5),
        'round-reveal': async () => {
          if (this.round) await this.call('RevealWritingRound', this.round.id);
        },
        close: async () => {
          if (window.confirm(this.texts.ConfirmClose ?? '')) await this.call('CloseMeeting');
        },
        finalise: async () => {
          if (window.confirm(this.texts.ConfirmFinalise ?? '')) await this.call('FinaliseMinutes');
        },
      };
      for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-action]')) {
        button.addEventListener('click', () => void actions[button.dataset.action ?? '']?.());
      }
      document.getElementById('round-open-form')?.addEventListener('submit', (event) => {
        event.preventDefault();
        const prompt = document.getElementById('round-prompt') as HTMLInputElement;
        void this.call<WritingRoundView>('OpenWritingRound', prompt.value).then((round) => {
          if (round) prompt.value = '';
        });
      });
    }
    document.getElementById('recommendation-form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.addRecommendation(event.target as HTMLFormElement);
    });
    document.getElementById('evaluation-form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.evaluate(event.target as HTMLFormElement);
    });
    document.getElementById('round-form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const answer = document.getElementById('round-answer') as HTMLTextAreaElement;
      if (!this.round) return;
      void this.call<WritingRoundView>('WriteEntry', this.round.id, answer.value).then((round) => {
        if (!round) return;
        this.round = round;
        this.renderRound();
        this.announce(this.texts.RoundSaved ?? '');
      });
    });
  }

  private format(button: HTMLButtonElement): void {
    const editor = this.editor;
    if (!editor) return;
    switch (button.dataset.format) {
      case 'heading': editor.heading(); break;
      case 'bold': editor.bold(); break;
      case 'list': editor.list(); break;
      case 'undo': editor.undo(); break;
      case 'redo': editor.redo(); break;
      case 'mode':
        this.readMode = !this.readMode;
        button.setAttribute('aria-pressed', String(this.readMode));
        button.textContent = this.texts[this.readMode ? 'EditMode' : 'ReadMode'] ?? '';
        document.getElementById('editor')?.classList.toggle('proeftuin-editor--read', this.readMode);
        editor.setEditable(this.editable(this.shownDocument));
        break;
      default: break;
    }
  }

  private async evaluate(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const error = document.getElementById('evaluation-error');
    const remark = String(data.get('remark') ?? '').trim();
    const result = await this.connection.invoke<HubResult<EvaluationSummary>>('EvaluateMeeting', Number(data.get('score')), remark === '' ? null : remark);
    if (!result.ok || !result.value) {
      if (error) error.textContent = result.error?.message ?? '';
      return;
    }
    if (error) error.textContent = '';
    this.evaluated = true;
    form.hidden = true;
    this.renderEvaluation(result.value);
    this.announce(this.texts.EvaluationThanks ?? '');
  }

  private renderEvaluation(summary: EvaluationSummary): void {
    const element = document.getElementById('evaluation-summary');
    if (!element) return;
    element.textContent = summary.count === 0 || summary.average === null
      ? (this.texts.EvaluationNone ?? '')
      : format(this.texts, 'EvaluationSummary', summary.average.toLocaleString(document.documentElement.lang || 'nl'), summary.count);
  }

  private async addRecommendation(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const error = document.getElementById('rec-error');
    const shown = parseDocumentId(this.shownDocument);
    const caseDocument = shown?.kind === 'case' ? shown.hex : null;
    const input = {
      text: String(data.get('text') ?? ''),
      pillars: data.getAll('pillars').map(String),
      level: String(data.get('level') ?? 'Case'),
      addressedTo: data.getAll('addressedTo').map(String),
      ownerId: data.get('ownerId') ? String(data.get('ownerId')) : null,
      dueDate: data.get('dueDate') ? String(data.get('dueDate')) : null,
      caseFileId: caseDocument ? formatGuid(caseDocument) : null,
    };
    const result = await this.connection.invoke<HubResult<RecommendationView>>('AddRecommendation', input);
    if (!result.ok || !result.value) {
      if (error) error.textContent = result.error?.message ?? '';
      return;
    }
    if (error) error.textContent = '';
    form.reset();
    this.recommendations.set(result.value.id, result.value);
    this.renderRecommendations();
  }

  /** Invokes a hub method that answers with a HubResult; a refusal is announced in Dutch, never thrown. */
  private async call<T>(method: string, ...args: unknown[]): Promise<T | null> {
    try {
      const result = await this.connection.invoke<HubResult<T>>(method, ...args);
      if (!result.ok) {
        this.announce(format(this.texts, 'ErrorPrefix', result.error?.message ?? ''));
        return null;
      }
      return result.value;
    } catch {
      this.announce(this.texts.Reconnecting ?? '');
      return null;
    }
  }
}

/** FNV-1a over the UTF-16 code units, as hex: equal texts give equal fingerprints. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function element(tag: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// Exported for tests of the wire format.
export { TextOperation };

// Last, so that every class above is initialised before the room starts.
const root = document.getElementById('meeting-room');
if (root !== null) void startRoom(root);
