// The meeting room in the browser: wires the hub connection to the room's panels (documents, meeting state and timer,
// participants, recommendations, writing round, evaluation) and the chair's controls. The page renders the frame and
// the forms; the panels fill them in and keep them live.

import { createConnection, RoomConnection, showStatus } from './connection';
import { createContext, type RoomContext } from './dom';
import { RoomDocuments } from './documents';
import { EvaluationPanel } from './evaluation';
import { wireValidationAfterInput } from './form-validation';
import { warnBeforeLeaving } from './leave-warning';
import { wireRoomTabs } from './room-tabs';
import { MeetingHubApi, type HubMethod } from './hub-api';
import type { MeetingSnapshot, MinutesView } from './hub-types';
import { MeetingStatePanel } from './meeting-state';
import { participantsPanel, type PresenceList } from './participants';
import { RecommendationsPanel } from './recommendations';
import { format, readTexts } from './texts';
import { WritingRoundPanel } from './writing-round';

class MeetingRoom {
  private readonly context: RoomContext;
  private readonly connection: RoomConnection;
  private readonly documents: RoomDocuments;
  private readonly meeting: MeetingStatePanel;
  private readonly participants: PresenceList;
  private readonly recommendations: RecommendationsPanel;
  private readonly round: WritingRoundPanel;
  private readonly evaluation: EvaluationPanel;
  private minutes: MinutesView | null = null;
  private readMode = false;

  constructor(private readonly root: HTMLElement) {
    const texts = readTexts(document.getElementById('room-texts'));
    const hub = new MeetingHubApi(createConnection());
    this.context = createContext(root, texts, hub);
    this.connection = new RoomConnection(hub.connection, (status) => showStatus(root, texts, status), {
      joined: (rejoin) => this.join(rejoin),
      lost: () => this.documents.disconnected(),
    });
    this.meeting = new MeetingStatePanel(this.context);
    this.participants = participantsPanel(this.context);
    this.documents = new RoomDocuments(this.context, `web-${crypto.randomUUID()}`, (id) => this.editable(id),
      (userId) => this.participants.nameOf(userId), () => this.connection.isConnected);
    this.recommendations = new RecommendationsPanel(this.context);
    this.round = new WritingRoundPanel(this.context, () => this.meeting.state?.status === 'Live', () => this.renderChairControls());
    this.evaluation = new EvaluationPanel(this.context);
  }

  async start(): Promise<void> {
    this.wireHub();
    this.wireControls();
    warnBeforeLeaving(() => this.documents.hasUnsent);
    wireRoomTabs(this.root, this.context.texts);
    this.meeting.startClock();
    await this.connection.start();
  }

  private async join(rejoin: boolean): Promise<void> {
    const result = await this.context.hub.invoke('JoinMeeting', this.root.dataset.meetingId ?? '');
    if (!result.ok || result.value === null) {
      // Taken out of the wijk (the server closed the connection, the rejoin is refused): say so and stop trying.
      const refused = result.error?.code === 'forbidden';
      showStatus(this.root, this.context.texts, refused ? 'NoAccess' : 'Disconnected');
      this.context.announce(format(this.context.texts, 'ErrorPrefix', result.error?.message ?? ''));
      if (refused) await this.connection.end();
      return;
    }
    const snapshot = result.value;
    if (rejoin) await this.documents.resyncAll();
    for (const document of snapshot.documents) {
      if (this.documents.has(document.documentId)) continue;
      this.documents.add(document);
      await this.documents.restorePending(document.documentId);
    }
    this.minutes = snapshot.minutes;
    this.evaluation.render(snapshot.evaluation);
    if (!rejoin) this.documents.show(this.initialDocument(snapshot));
    this.participants.replaceAll(snapshot.participants);
    this.recommendations.replaceAll(snapshot.recommendations);
    for (const document of snapshot.documents) this.documents.setFindings(document.documentId, document.findings);
    this.round.replace(snapshot.writingRounds);
    this.stateChanged(snapshot, false);
    showStatus(this.root, this.context.texts, 'Connected');
    this.documents.renderSaveState();
  }

  private wireHub(): void {
    const hub = this.context.hub;
    hub.on('OperationsApplied', (batch) => {
      for (const message of batch.operations) this.documents.syncs.get(message.documentId)?.broadcast(message);
    });
    hub.on('ParticipantJoined', (participant) => this.participants.joined(participant));
    hub.on('ParticipantLeft', (userId) => {
      this.documents.hideCursor(userId);
      this.participants.left(userId);
    });
    hub.on('MeetingStateChanged', (state) => this.stateChanged({ state }, true));
    hub.on('RecommendationChanged', (recommendation) => this.recommendations.changed(recommendation));
    hub.on('RecommendationRemoved', (id) => this.recommendations.removed(id));
    hub.on('CursorMoved', (cursor) => this.documents.showRemoteCursor(cursor));
    hub.on('MinutesChanged', (minutes) => void this.minutesChanged(minutes));
    hub.on('EvaluationChanged', (summary) => this.evaluation.render(summary));
    hub.on('FindingsChanged', (broadcast) => this.documents.setFindings(broadcast.documentId, broadcast.findings));
    hub.on('WritingRoundChanged', (round) => this.round.received(round));
  }

  private stateChanged({ state }: Pick<MeetingSnapshot, 'state'>, announce: boolean): void {
    this.meeting.apply(state, announce);
    this.renderChairControls();
    this.documents.refreshEditable();
    this.evaluation.stateChanged(state);
  }

  private renderChairControls(): void {
    this.meeting.renderChairControls(this.minutes, this.round.round);
  }

  /** The verslag was made (at closing: open it for everyone) or made final (read-only from now on). */
  private async minutesChanged(minutes: MinutesView): Promise<void> {
    const isNew = this.minutes === null;
    this.minutes = minutes;
    if (minutes.status === 'Final') {
      this.documents.refreshEditable();
      this.context.announce(this.context.texts.MinutesFinal ?? '');
    } else if (isNew) {
      await this.join(false);
      this.documents.show(minutes.documentId);
      this.context.announce(this.context.texts.MinutesReady ?? '');
    }
    this.renderChairControls();
  }

  /** Case texts are editable until the meeting closes, the verslag until it is final; never in the read view. */
  private editable(documentId: string): boolean {
    if (this.readMode) return false;
    if (this.minutes !== null && documentId === this.minutes.documentId) return this.minutes.status !== 'Final';
    return this.meeting.state?.status !== 'Closed';
  }

  private initialDocument(snapshot: MeetingSnapshot): string {
    const current = snapshot.state.currentAgendaItemId;
    const item = current ? this.root.querySelector<HTMLElement>(`#agenda li[data-item-id="${current}"]`) : null;
    return item?.dataset.documentId ?? snapshot.documents[0]?.documentId ?? '';
  }

  private wireControls(): void {
    document.getElementById('document-choice')?.addEventListener('change', (event) => this.documents.show((event.target as HTMLSelectElement).value));
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-format]')) {
      button.addEventListener('click', () => this.format(button));
    }
    for (const form of this.root.querySelectorAll('form')) wireValidationAfterInput(form);
    const isChair = this.root.dataset.chair === 'true';
    this.recommendations.wire();
    this.evaluation.wire();
    this.round.wire(isChair);
    if (!isChair) return;
    const texts = this.context.texts;
    const confirmed = (key: string, method: HubMethod & ('CloseMeeting' | 'FinaliseMinutes')) => async () => {
      if (window.confirm(texts[key] ?? '')) await this.context.call(method);
    };
    const actions: Record<string, () => Promise<unknown>> = {
      start: () => this.context.call('StartMeeting'),
      advance: () => this.context.call('AdvancePhase'),
      previous: () => this.context.call('ReturnToPreviousPhase'),
      'next-item': () => this.context.call('MoveToNextItem'),
      'timer-start': () => this.context.call('StartTimer'),
      'timer-pause': () => this.context.call('PauseTimer'),
      extend: () => this.context.call('ExtendTimer', 5),
      'round-reveal': () => this.round.reveal(),
      close: confirmed('ConfirmClose', 'CloseMeeting'),
      finalise: confirmed('ConfirmFinalise', 'FinaliseMinutes'),
    };
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-action]')) {
      button.addEventListener('click', () => void actions[button.dataset.action ?? '']?.());
    }
  }

  private format(button: HTMLButtonElement): void {
    const editor = this.documents.currentEditor;
    if (!editor) return;
    switch (button.dataset.format) {
      case 'heading': editor.heading(); break;
      case 'bold': editor.bold(); break;
      case 'italic': editor.italic(); break;
      case 'link': editor.link(); break;
      case 'list': editor.list(); break;
      case 'undo': editor.undo(); break;
      case 'redo': editor.redo(); break;
      case 'mode':
        this.readMode = !this.readMode;
        button.setAttribute('aria-pressed', String(this.readMode));
        button.textContent = this.context.texts[this.readMode ? 'EditMode' : 'ReadMode'] ?? '';
        document.getElementById('editor')?.classList.toggle('proeftuin-editor--read', this.readMode);
        this.documents.refreshEditable();
        break;
      default: break;
    }
  }
}

// Last, so that every class above is initialised before the room starts.
const root = document.getElementById('meeting-room');
if (root !== null) void new MeetingRoom(root).start();
