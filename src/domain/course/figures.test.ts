import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CourseFacts, courseFigures, deliveredByOperator, progressText } from './figures.ts';
import type { CourseSession } from './model.ts';

const session = (id: string, date: string, isCancelled = false): CourseSession => ({ id, date, startsAt: '10:00', endsAt: '11:00', location: null, placeNote: null, isCancelled });
const today = '2026-11-23';

describe('course figures', () => {
  const sessions = [session('a', '2026-11-02'), session('b', '2026-11-09'), session('c', '2026-11-16', true), session('d', '2026-11-20')];
  const facts: CourseFacts = {
    courseId: 'x',
    participants: [
      { id: 'p1', state: 'enrolled', referralState: null },
      { id: 'p2', state: 'enrolled', referralState: null },
      { id: 'p3', state: 'left', referralState: null },
      { id: 'p4', state: 'left', referralState: null },
      { id: 'p5', state: 'waitlisted', referralState: null },
    ],
    attendance: [
      { sessionId: 'a', participantId: 'p1', present: true },
      { sessionId: 'a', participantId: 'p2', present: true },
      { sessionId: 'a', participantId: 'p3', present: true },
      { sessionId: 'b', participantId: 'p1', present: true },
      { sessionId: 'b', participantId: 'p2', present: false },
    ],
    ratings: [],
  };

  it('counts who took part: enrolled now, and those who left after coming once, never someone who left from the waiting list', () => {
    const figures = courseFigures({ kind: 'open', status: 'open', sessions }, facts, today);
    assert.equal(figures.participants, 3);
    assert.equal(figures.waitlisted, 1);
    assert.deepEqual([figures.sessionsHeld, figures.sessionsPlanned, figures.sessionsCancelled], [3, 3, 1]);
    assert.deepEqual(figures.attendance, { meetings: 2, presentPerMeeting: 2, share: 0.8 });
    assert.deepEqual(figures.completion, { kind: 'open', finished: 2, of: 3, rate: 2 / 3 });
  });

  it('waits for the last meeting before counting an open course as completed', () => {
    const figures = courseFigures({ kind: 'open', status: 'open', sessions: [...sessions, session('e', '2026-12-01')] }, facts, today);
    assert.equal(figures.completion, null);
  });

  it('counts referrals completed against stopped, and the rating change over those rated twice', () => {
    const referred: CourseFacts = {
      courseId: 'y',
      participants: [
        { id: 'r1', state: 'enrolled', referralState: 'completed' },
        { id: 'r2', state: 'enrolled', referralState: 'completed' },
        { id: 'r3', state: 'removed', referralState: 'stopped' },
      ],
      attendance: [],
      ratings: [
        { participantId: 'r1', phase: 'before', score: 2 },
        { participantId: 'r1', phase: 'after', score: 7 },
        { participantId: 'r2', phase: 'before', score: 4 },
        { participantId: 'r2', phase: 'after', score: 6 },
        { participantId: 'r3', phase: 'before', score: 1 },
      ],
    };
    const figures = courseFigures({ kind: 'referred', status: 'open', sessions }, referred, today);
    assert.deepEqual(figures.completion, { kind: 'referred', completed: 2, stopped: 1, rate: 2 / 3 });
    assert.deepEqual(figures.rating, { pairs: 2, before: 3, after: 6.5, change: 3.5 });
  });
});

describe('courses delivered per operator and year', () => {
  const fh = { id: 'fh', name: 'Fountain House' };
  const course = (dates: string[], status: 'open' | 'cancelled' = 'open', operator: typeof fh | null = fh) => ({ status, operator, sessions: dates.map((date, index) => session(String(index), date)) });

  it('counts a course in the year of its last meeting unless cancelled, and one still running as planned', () => {
    const rows = deliveredByOperator(
      [course(['2026-01-05', '2026-02-01']), course(['2026-05-01'], 'cancelled'), course(['2025-12-01', '2026-01-10']), course(['2026-11-30']), course(['2025-06-01']), course(['2026-04-01'], 'open', null)],
      [{ organizationId: 'fh', fromYear: 2016, toYear: null, minimumPerYear: 28 }],
      [2026, 2025],
      today,
    );
    assert.deepEqual(rows, [
      { operatorId: 'fh', year: 2026, delivered: 2, planned: 1, target: 28 },
      { operatorId: 'fh', year: 2025, delivered: 1, planned: 0, target: 28 },
    ]);
    assert.equal(progressText(rows[0]!), '2 af 28 forløb i 2026 (1 mere planlagt)');
    assert.equal(progressText({ delivered: 12, planned: 0, target: 28, year: 2026 }), '12 af 28 forløb i 2026');
    assert.equal(progressText({ delivered: 1, planned: 0, target: null, year: 2026 }), '1 forløb i 2026');
  });

  it('shows an operator with a target in a year without courses, and no target outside its years', () => {
    const rows = deliveredByOperator([], [{ organizationId: 'fh', fromYear: 2027, toYear: 2028, minimumPerYear: 10 }], [2026, 2027], today);
    assert.deepEqual(rows, [{ operatorId: 'fh', year: 2027, delivered: 0, planned: 0, target: 10 }]);
  });
});
