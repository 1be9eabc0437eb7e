// The logic of the meeting room's modules that holds without a browser: formatting, the countdown, which controls are
// enabled, the recommendation form, the writing round's merge and the cursor throttle.
import { describe, expect, it } from 'vitest';
import { cursorDelay, CURSOR_INTERVAL_MS } from './documents';
import { fingerprint } from './dom';
import { formatGuid } from './document-id';
import { colourIndex, PARTICIPANT_COLOURS } from './enums';
import { evaluationText } from './evaluation';
import type { MeetingState, RecommendationView, WritingRoundView } from './hub-types';
import { chairActions } from './chair-controls';
import { recommendationInput, recommendationMeta } from './recommendation-form';
import { localDate } from './locale-format';
import { mergeRound } from './writing-round';

const texts = {
  RecommendationMeta: '{0} voor {1}',
  OwnedBy: 'eigenaar {0}', DueBy: 'uiterlijk {0}', LevelCase: 'Casus', DisciplineFamilyWorker: 'Gezinswerker',
  EvaluationNone: 'Nog geen cijfers', EvaluationSummary: 'Gemiddeld {0} uit {1}',
};
const live: MeetingState = { status: 'Live', currentAgendaItemId: 'item', phase: 'Analysis', remainingSeconds: 90, timerRunning: true, serverTimeUtc: '' };

describe('dom helpers', () => {
  it('fingerprints equal texts equally and different texts differently', () => {
    expect(fingerprint('abc')).toBe(fingerprint('abc'));
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'));
    expect(fingerprint('')).toBe('811c9dc5');
  });

  it('writes 32 hex digits as a GUID with dashes', () => {
    expect(formatGuid('0123456789abcdef0123456789abcdef')).toBe('01234567-89ab-cdef-0123-456789abcdef');
  });

  it('gives each server colour its class and an unknown colour the last', () => {
    expect(colourIndex(PARTICIPANT_COLOURS[2])).toBe(2);
    expect(colourIndex('#1F5FAD')).toBe(0);
    expect(colourIndex('#123456')).toBe(PARTICIPANT_COLOURS.length - 1);
  });
});

describe('meeting state', () => {
  it('shows only the chair controls that apply now', () => {
    const situation = { state: live, minutes: null, round: null, lastItem: false };
    expect([...chairActions({ ...situation, state: { ...live, status: 'Planned' } })]).toEqual(['start']);
    expect([...chairActions({ ...situation, state: { ...live, phase: 'Presentation', timerRunning: false } })].sort())
      .toEqual(['advance', 'close', 'extend', 'next-item', 'round-open', 'timer-start']);
    expect(chairActions(situation).has('previous')).toBe(true);
    expect(chairActions(situation).has('timer-pause')).toBe(true);
    expect(chairActions({ ...situation, state: { ...live, phase: 'Evaluation' }, lastItem: true }).has('advance')).toBe(false);
    expect(chairActions({ ...situation, lastItem: true }).has('next-item')).toBe(false);
    expect(chairActions({ ...situation, round: { id: 'r', agendaItemId: null, prompt: 'p', status: 'Open', writtenBy: [], entries: [] } }).has('round-reveal')).toBe(true);
    expect([...chairActions({ ...situation, state: { ...live, status: 'Closed' }, minutes: { documentId: 'm', status: 'Draft', finalRevision: null } })]).toEqual(['finalise']);
    expect([...chairActions({ ...situation, state: { ...live, status: 'Closed' }, minutes: { documentId: 'm', status: 'Final', finalRevision: 3 } })]).toEqual([]);
  });
});

describe('recommendations', () => {
  it('reads the form into the hub input, for the case chosen in "Voor" or the meeting as a whole', () => {
    const data = new FormData();
    data.append('text', 'Vaste contactpersoon');
    data.append('pillars', 'ClientCentred');
    data.append('pillars', 'Preconditions');
    data.append('level', 'Neighbourhood');
    data.append('addressedTo', 'FamilyWorker');
    data.append('ownerId', '');
    data.append('caseFileId', '01234567-89ab-cdef-0123-456789abcdef');
    const input = recommendationInput(data);
    expect(input).toEqual({
      text: 'Vaste contactpersoon', pillars: ['ClientCentred', 'Preconditions'], level: 'Neighbourhood', addressedTo: ['FamilyWorker'],
      ownerId: null, dueDate: null, caseFileId: '01234567-89ab-cdef-0123-456789abcdef',
    });
    const whole = new FormData();
    whole.append('caseFileId', '');
    expect(recommendationInput(whole).caseFileId).toBeNull();
    expect(recommendationInput(new FormData()).level).toBe('Case');
  });

  it('describes level, addressees, owner and due date, leaving out what is not set', () => {
    const r: RecommendationView = {
      id: 'r', text: 't', pillars: ['ClientCentred'], level: 'Case', addressedTo: ['FamilyWorker'], ownerId: 'o', dueDate: '2026-12-31',
      status: 'Proposed', version: 1, caseFileId: null,
    };
    expect(recommendationMeta(texts, r, 'Ruud Jansen')).toBe('Casus voor Gezinswerker · eigenaar Ruud Jansen · uiterlijk 31-12-2026');
    expect(recommendationMeta(texts, { ...r, addressedTo: [], dueDate: null }, undefined)).toBe('Casus voor —');
  });

  it('shows a due date in the Dutch form dd-mm-jjjj', () => {
    expect(localDate('2026-12-23', 'nl')).toBe('23-12-2026');
    expect(localDate('not a date', 'nl')).toBe('not a date');
  });
});

describe('writing round', () => {
  const round = (entries: WritingRoundView['entries'], status = 'Open', id = 'r1'): WritingRoundView =>
    ({ id, agendaItemId: null, prompt: 'Wat valt je op?', status, writtenBy: [], entries });
  const mine = [{ authorId: 'me', authorName: 'Ik', discipline: 'FamilyWorker', text: 'Mijn antwoord', writtenAtUtc: '' }];

  it('keeps my own answer when the room copy of the open round arrives without it', () => {
    expect(mergeRound(round(mine), round([])).entries).toEqual(mine);
  });

  it('takes the revealed answers, and forgets mine for a new round', () => {
    const revealed = round([...mine, { ...mine[0]!, authorId: 'other', text: 'Ander antwoord' }], 'Revealed');
    expect(mergeRound(round(mine), revealed)).toBe(revealed);
    expect(mergeRound(round(mine), round([], 'Open', 'r2')).entries).toEqual([]);
  });
});

describe('cursor throttle and evaluation', () => {
  it('sends a cursor at once after the interval and otherwise waits for the rest of it', () => {
    expect(cursorDelay(CURSOR_INTERVAL_MS)).toBe(0);
    expect(cursorDelay(10_000)).toBe(0);
    expect(cursorDelay(30)).toBe(CURSOR_INTERVAL_MS - 30);
  });

  it('shows the average, or that nobody rated yet', () => {
    expect(evaluationText(texts, { count: 0, average: null }, 'nl')).toBe('Nog geen cijfers');
    expect(evaluationText(texts, { count: 2, average: 7.5 }, 'nl')).toBe('Gemiddeld 7,5 uit 2');
  });
});
