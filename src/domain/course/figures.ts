import { type Course, courseSpan } from './model.ts';
import type { ReferralState } from './referral.ts';

/**
 * The figures of courses, without a name in them (ADR 024): per course what was held, who took part, how
 * many came, how many finished and how their own rating of the goal moved; per operator and year the
 * courses delivered against the yearly target.
 */

export type AttendanceMark = { sessionId: string; participantId: string; present: boolean };
export type SelfRating = { participantId: string; phase: 'before' | 'after'; score: number };

/** What the figures are counted from: states and marks, never a name or a contact. */
export type CourseFacts = {
  courseId: string;
  participants: { id: string; state: 'enrolled' | 'waitlisted' | 'left' | 'removed'; referralState: ReferralState | null }[];
  attendance: AttendanceMark[];
  ratings: SelfRating[];
};

export type CourseFigures = {
  /** Meetings not cancelled, and of those the ones on or before today. */
  sessionsPlanned: number;
  sessionsHeld: number;
  sessionsCancelled: number;
  /** Enrolled now, plus those who left or were taken off after coming at least once. */
  participants: number;
  waitlisted: number;
  /** Over the held meetings with attendance recorded: people present per meeting, and the share of marks that were «present». */
  attendance: { meetings: number; presentPerMeeting: number; share: number } | null;
  /**
   * Open courses, once ended: participants still enrolled after the last meeting out of all participants.
   * Referred courses: referrals completed out of those completed or stopped.
   */
  completion: { kind: 'open'; finished: number; of: number; rate: number } | { kind: 'referred'; completed: number; stopped: number; rate: number } | null;
  /** The average self-rating before and after, over participants with both. */
  rating: { pairs: number; before: number; after: number; change: number } | null;
};

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export function courseFigures(course: Pick<Course, 'kind' | 'status' | 'sessions'>, facts: CourseFacts, today: string): CourseFigures {
  const live = course.sessions.filter((session) => !session.isCancelled);
  const held = new Set(live.filter((session) => session.date <= today).map((session) => session.id));
  const cameOnce = new Set(facts.attendance.filter((mark) => mark.present).map((mark) => mark.participantId));
  const counted = facts.participants.filter(
    (person) => person.state === 'enrolled' || ((person.state === 'left' || person.state === 'removed') && cameOnce.has(person.id)),
  );

  const marks = facts.attendance.filter((mark) => held.has(mark.sessionId));
  const meetings = [...new Set(marks.map((mark) => mark.sessionId))];
  const attendance = meetings.length
    ? {
        meetings: meetings.length,
        presentPerMeeting: marks.filter((mark) => mark.present).length / meetings.length,
        share: marks.filter((mark) => mark.present).length / marks.length,
      }
    : null;

  let completion: CourseFigures['completion'] = null;
  if (course.kind === 'referred') {
    const completed = facts.participants.filter((person) => person.referralState === 'completed').length;
    const stopped = facts.participants.filter((person) => person.referralState === 'stopped').length;
    if (completed + stopped > 0) completion = { kind: 'referred', completed, stopped, rate: completed / (completed + stopped) };
  } else {
    const span = courseSpan(course);
    const ended = course.status !== 'cancelled' && span !== null && span.last < today;
    const finished = counted.filter((person) => person.state === 'enrolled').length;
    if (ended && counted.length > 0) completion = { kind: 'open', finished, of: counted.length, rate: finished / counted.length };
  }

  const scoreOf = (phase: 'before' | 'after') => new Map(facts.ratings.filter((item) => item.phase === phase).map((item) => [item.participantId, item.score]));
  const before = scoreOf('before');
  const after = scoreOf('after');
  const pairs = [...before.keys()].filter((id) => after.has(id));
  const rating = pairs.length
    ? (() => {
        const b = mean(pairs.map((id) => before.get(id)!));
        const a = mean(pairs.map((id) => after.get(id)!));
        return { pairs: pairs.length, before: b, after: a, change: a - b };
      })()
    : null;

  return {
    sessionsPlanned: live.length,
    sessionsHeld: held.size,
    sessionsCancelled: course.sessions.length - live.length,
    participants: counted.length,
    waitlisted: facts.participants.filter((person) => person.state === 'waitlisted').length,
    attendance,
    completion,
    rating,
  };
}

export type YearlyTarget = { organizationId: string; fromYear: number; toYear: number | null; minimumPerYear: number };

export type OperatorYear = {
  operatorId: string;
  year: number;
  /** Courses not cancelled whose last meeting has passed, counted in the year of that meeting. */
  delivered: number;
  /** Courses not cancelled whose last meeting falls in the year and is still to come. */
  planned: number;
  target: number | null;
};

/**
 * Courses delivered per operator and year: a course counts in the year of its last meeting, if it was not
 * cancelled; one whose last meeting is today or later is planned, not yet delivered.
 */
export function deliveredByOperator(
  courses: readonly Pick<Course, 'status' | 'sessions' | 'operator'>[],
  targets: readonly YearlyTarget[],
  years: readonly number[],
  today: string,
): OperatorYear[] {
  const rows = new Map<string, OperatorYear>();
  const targetOf = (operatorId: string, year: number) =>
    targets.find((target) => target.organizationId === operatorId && target.fromYear <= year && (target.toYear ?? year) >= year)?.minimumPerYear ?? null;
  const row = (operatorId: string, year: number) => {
    const key = `${operatorId}:${year}`;
    let found = rows.get(key);
    if (!found) {
      found = { operatorId, year, delivered: 0, planned: 0, target: targetOf(operatorId, year) };
      rows.set(key, found);
    }
    return found;
  };
  for (const target of targets) for (const year of years) if (targetOf(target.organizationId, year) !== null) row(target.organizationId, year);
  for (const course of courses) {
    const span = courseSpan(course);
    if (!course.operator || course.status === 'cancelled' || !span) continue;
    const year = Number(span.last.slice(0, 4));
    if (!years.includes(year)) continue;
    const entry = row(course.operator.id, year);
    if (span.last < today) entry.delivered++;
    else entry.planned++;
  }
  return [...rows.values()].sort((a, b) => b.year - a.year || a.operatorId.localeCompare(b.operatorId));
}

/** «12 af 28 forløb i 2026», or «12 forløb i 2026» without a target; «1 forløb», never «1 forløbs». */
export function progressText(entry: Pick<OperatorYear, 'delivered' | 'planned' | 'target' | 'year'>): string {
  const done = entry.target === null ? `${entry.delivered} forløb i ${entry.year}` : `${entry.delivered} af ${entry.target} forløb i ${entry.year}`;
  return entry.planned > 0 ? `${done} (${entry.planned} mere planlagt)` : done;
}
