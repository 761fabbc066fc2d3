import { foldDanish } from '../domain/danish-text.ts';
import { type Course, type CourseKind, type CourseOccupancy, type CourseTrack, coursePhase, upcomingSessions } from '../domain/course/model.ts';
const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
import type { CourseStore } from './course-store.ts';

export type CourseCriteria = { text: string | null; kind: CourseKind | null; track: CourseTrack | null };

export type CatalogueEntry = { course: Course; occupancy: CourseOccupancy; nextDate: string | null };

const fold = foldDanish;

/** Whether every word typed occurs in the course's title, purpose, target group, goal or place. */
export function courseMatchesText(course: Course, text: string): boolean {
  const haystack = fold([course.title, course.purpose, course.targetGroup, course.goal ?? '', course.offering.name].join(' '));
  return fold(text)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * The public course catalogue on a Copenhagen date: courses that have not ended and are not cancelled,
 * the soonest first, then in Danish order.
 */
export async function getCourseCatalogue(store: CourseStore, criteria: CourseCriteria, today: string): Promise<CatalogueEntry[]> {
  const all = await store.listCourses({ notEndedOn: today, ...(criteria.kind ? { kind: criteria.kind } : {}) });
  return all
    .filter(({ course }) => {
      const phase = coursePhase(course, today);
      return phase === 'not_started' || phase === 'running' || phase === 'no_sessions';
    })
    .filter(({ course }) => (criteria.kind ? course.kind === criteria.kind : true))
    .filter(({ course }) => (criteria.track ? course.track === criteria.track : true))
    .filter(({ course }) => (criteria.text ? courseMatchesText(course, criteria.text) : true))
    .map(({ course, occupancy }) => ({ course, occupancy, nextDate: upcomingSessions(course, today)[0]?.date ?? null }))
    .sort((a, b) => (a.nextDate ?? '9999').localeCompare(b.nextDate ?? '9999') || collator.compare(a.course.title, b.course.title));
}
