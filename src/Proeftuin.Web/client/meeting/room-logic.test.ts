// The logic of the meeting room's modules that holds without a browser: formatting, the countdown, which controls are
// enabled, the recommendation form, the writing round's merge and the cursor throttle.
import { describe, expect, it } from 'vitest';
import { cursorDelay, CURSOR_INTERVAL_MS } from './documents';
import { caseIdOf, fingerprint } from './dom';
import { formatGuid } from './document-id';
import { colourIndex, PARTICIPANT_COLOURS } from './enums';
import { evaluationText } from './evaluation';
import type { MeetingState, RecommendationView, WritingRoundView } from './hub-types';
import { controlDisabled, remainingSeconds, timerText } from './meeting-state';
import { recommendationInput, recommendationMeta } from './recommendations';
import { mergeRound } from './writing-round';

const texts = {
  TimerRunning: 'nog {0}', TimerPaused: 'gepauzeerd {0}', TimerOver: '{0} te lang', RecommendationMeta: '{0} voor {1}',
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

  it('turns a case document into its case id and leaves the verslag out', () => {
    expect(formatGuid('0123456789abcdef0123456789abcdef')).toBe('01234567-89ab-cdef-0123-456789abcdef');
    expect(caseIdOf('case:0123456789abcdef0123456789abcdef')).toBe('01234567-89ab-cdef-0123-456789abcdef');
    expect(caseIdOf('minutes:0123456789abcdef0123456789abcdef')).toBeNull();
  });

  it('gives each server colour its class and an unknown colour the last', () => {
    expect(colourIndex(PARTICIPANT_COLOURS[2])).toBe(2);
    expect(colourIndex('#1F5FAD')).toBe(0);
    expect(colourIndex('#123456')).toBe(PARTICIPANT_COLOURS.length - 1);
  });
});

describe('meeting state', () => {
  it('counts down from the received state only while the timer runs', () => {
    expect(remainingSeconds(live, 1_000, 11_000)).toBe(80);
    expect(remainingSeconds({ ...live, timerRunning: false }, 1_000, 11_000)).toBe(90);
    expect(remainingSeconds({ ...live, status: 'Planned' }, 0, 0)).toBeNull();
    expect(remainingSeconds({ ...live, remainingSeconds: null }, 0, 0)).toBeNull();
  });

  it('shows running, paused and over time', () => {
    expect(timerText(texts, true, 65)).toBe('nog 1:05');
    expect(timerText(texts, false, 5)).toBe('gepauzeerd 0:05');
    expect(timerText(texts, true, -61)).toBe('1:01 te lang');
  });

  it('enables start before the meeting, finalise for a draft verslag, the rest while live', () => {
    expect(controlDisabled('start', { ...live, status: 'Planned' }, null)).toBe(false);
    expect(controlDisabled('start', live, null)).toBe(true);
    expect(controlDisabled('advance', live, null)).toBe(false);
    expect(controlDisabled('advance', { ...live, status: 'Closed' }, null)).toBe(true);
    expect(controlDisabled('finalise', { ...live, status: 'Closed' }, { documentId: 'm', status: 'Draft', finalRevision: null })).toBe(false);
    expect(controlDisabled('finalise', { ...live, status: 'Closed' }, { documentId: 'm', status: 'Final', finalRevision: 3 })).toBe(true);
  });
});

describe('recommendations', () => {
  it('reads the form into the hub input, tied to the case shown', () => {
    const data = new FormData();
    data.append('text', 'Vaste contactpersoon');
    data.append('pillars', 'ClientCentred');
    data.append('pillars', 'Preconditions');
    data.append('level', 'Neighbourhood');
    data.append('addressedTo', 'FamilyWorker');
    data.append('ownerId', '');
    const input = recommendationInput(data, 'case:0123456789abcdef0123456789abcdef');
    expect(input).toEqual({
      text: 'Vaste contactpersoon', pillars: ['ClientCentred', 'Preconditions'], level: 'Neighbourhood', addressedTo: ['FamilyWorker'],
      ownerId: null, dueDate: null, caseFileId: '01234567-89ab-cdef-0123-456789abcdef',
    });
    expect(recommendationInput(new FormData(), 'minutes:x').caseFileId).toBeNull();
    expect(recommendationInput(new FormData(), 'minutes:x').level).toBe('Case');
  });

  it('describes level, addressees, owner and due date, leaving out what is not set', () => {
    const r: RecommendationView = {
      id: 'r', text: 't', pillars: ['ClientCentred'], level: 'Case', addressedTo: ['FamilyWorker'], ownerId: 'o', dueDate: '2026-12-31',
      status: 'Proposed', version: 1, caseFileId: null,
    };
    expect(recommendationMeta(texts, r, 'Ruud Jansen')).toBe('Casus voor Gezinswerker · eigenaar Ruud Jansen · uiterlijk 31-12-2026');
    expect(recommendationMeta(texts, { ...r, addressedTo: [], dueDate: null }, undefined)).toBe('Casus voor —');
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
