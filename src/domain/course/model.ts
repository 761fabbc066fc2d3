/**
 * Courses (forløb) as the platform reads them: open courses anyone may join when motivated, referred
 * courses a professional refers a citizen to (ADR 023). Plain data; dates are Copenhagen dates and wall
 * times, as for activities.
 */

import { slugOf } from '../danish-text.ts';

export const courseKinds = ['open', 'referred'] as const;
export type CourseKind = (typeof courseKinds)[number];

/** The four centres' city-wide professional tracks. */
export const courseTracks = ['life_skills', 'youth_education_work', 'health', 'community'] as const;
export type CourseTrack = (typeof courseTracks)[number];

export const courseRunners = ['staff', 'peer', 'staff_and_peer'] as const;
export type CourseRunner = (typeof courseRunners)[number];

export type CourseSession = {
  id: string;
  /** Copenhagen date, yyyy-mm-dd. */
  date: string;
  /** Wall times, HH:MM. */
  startsAt: string;
  endsAt: string;
  /** Another place than the running offering's (a library, a borrowed room), or null for its own. */
  location: { id: string; name: string; address: string | null } | null;
  placeNote: string | null;
  isCancelled: boolean;
};

export type Course = {
  id: string;
  slug: string;
  title: string;
  kind: CourseKind;
  track: CourseTrack;
  purpose: string;
  targetGroup: string;
  offering: { id: string; slug: string; name: string };
  operator: { id: string; name: string } | null;
  runBy: CourseRunner;
  format: 'group' | 'individual';
  capacity: number;
  language: string;
  /** Null: free, as courses normally are. */
  price: string | null;
  howToJoin: string;
  /** What a referred course should achieve; the citizen rates it before and after. */
  goal: string | null;
  status: 'open' | 'cancelled';
  cancelReason: string | null;
  sessions: CourseSession[];
  version: number;
  seedRefs: string[];
  isExample: boolean;
};

/** How full a course is: places taken and the waiting list. */
export type CourseOccupancy = { enrolled: number; waitlisted: number };

/** The first and last day of a course's meetings that are not cancelled; null without any. */
export function courseSpan(course: Pick<Course, 'sessions'>): { first: string; last: string } | null {
  const dates = course.sessions
    .filter((session) => !session.isCancelled)
    .map((session) => session.date)
    .sort();
  return dates.length ? { first: dates[0]!, last: dates.at(-1)! } : null;
}

export type CoursePhase = 'cancelled' | 'not_started' | 'running' | 'ended' | 'no_sessions';

/** Where a course stands on a Copenhagen date. */
export function coursePhase(course: Pick<Course, 'sessions' | 'status'>, today: string): CoursePhase {
  if (course.status === 'cancelled') return 'cancelled';
  const span = courseSpan(course);
  if (!span) return 'no_sessions';
  if (today < span.first) return 'not_started';
  if (today > span.last) return 'ended';
  return 'running';
}

/** The meetings still to come (today's included), not cancelled. */
export function upcomingSessions(course: Pick<Course, 'sessions'>, today: string): CourseSession[] {
  return course.sessions.filter((session) => !session.isCancelled && session.date >= today);
}

/** Free places now; never below zero (a course may be made smaller than its list). */
export function freePlaces(course: Pick<Course, 'capacity'>, occupancy: CourseOccupancy): number {
  return Math.max(0, course.capacity - occupancy.enrolled);
}

/** Whether a person can join (or join the waiting list) on the date, and if not, why. */
export type JoinRefusal = 'cancelled' | 'ended' | 'referred_only' | 'no_sessions';

export function whyNotJoinable(course: Pick<Course, 'sessions' | 'status' | 'kind'>, today: string): JoinRefusal | null {
  if (course.kind === 'referred') return 'referred_only';
  const phase = coursePhase(course, today);
  if (phase === 'cancelled') return 'cancelled';
  if (phase === 'ended') return 'ended';
  if (phase === 'no_sessions') return 'no_sessions';
  return null;
}

/** The catalogue's URL words (/forloeb?slags=aaben&spor=sundhed), Danish in both languages. */
export const courseKindWords: Record<CourseKind, string> = { open: 'aaben', referred: 'visiteret' };
export const courseTrackWords: Record<CourseTrack, string> = {
  life_skills: 'livsmestring',
  youth_education_work: 'unge-uddannelse-job',
  health: 'sundhed',
  community: 'samvaer-netvaerk',
};

/** The address word for a new course from its title: «Hverdagsøkonomi for unge» → «hverdagsoekonomi-for-unge». */
export function courseSlug(title: string): string {
  return slugOf(title, 'forloeb');
}
