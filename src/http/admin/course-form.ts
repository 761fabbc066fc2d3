import { z } from 'zod';
import type { CourseFields, SessionFields } from '../../app/course-store.ts';
import { courseKinds, courseRunners, courseTracks } from '../../domain/course/model.ts';
import type { CourseDraft, Problem, SessionDraft } from '../../web/pages/admin/course-pages.tsx';

/**
 * The course forms read into the model (zod, plain Danish). Each problem names the field id the page
 * shows it at; what was typed is kept, so a form sent back loses nothing.
 */


export const emptyCourseDraft: CourseDraft = {
  title: '',
  kind: 'open',
  track: 'life_skills',
  purpose: '',
  targetGroup: '',
  runBy: 'staff',
  format: 'group',
  capacity: '12',
  language: 'dansk',
  price: '',
  howToJoin: '',
  goal: '',
};

export function draftOf(fields: CourseFields): CourseDraft {
  return {
    title: fields.title,
    kind: fields.kind,
    track: fields.track,
    purpose: fields.purpose,
    targetGroup: fields.targetGroup,
    runBy: fields.runBy,
    format: fields.format,
    capacity: String(fields.capacity),
    language: fields.language,
    price: fields.price ?? '',
    howToJoin: fields.howToJoin,
    goal: fields.goal ?? '',
  };
}

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `Skriv ${label}.` })
    .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} må højst have ${max} tegn.` });
const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} må højst have ${max} tegn.` })
    .transform((value) => value || null);

const courseSchema = z
  .object({
    title: text('forløbets titel', 120),
    kind: z.enum(courseKinds, { error: 'Vælg, om forløbet er åbent eller visiteret.' }),
    track: z.enum(courseTracks, { error: 'Vælg et spor.' }),
    purpose: text('formålet', 1000),
    targetGroup: text('målgruppen', 300),
    runBy: z.enum(courseRunners, { error: 'Vælg, hvem der holder forløbet.' }),
    format: z.enum(['group', 'individual'], { error: 'Vælg hold eller individuelt.' }),
    capacity: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, { error: 'Skriv antallet af pladser som et tal fra 1 til 500, fx 12.' })
      .transform(Number)
      .pipe(z.number().min(1, { error: 'Et forløb skal have mindst 1 plads.' }).max(500, { error: 'Et forløb kan højst have 500 pladser.' })),
    language: text('sproget', 40),
    price: optional('Prisen', 120),
    howToJoin: text('hvordan man kommer med', 1000),
    goal: optional('Målet', 500),
  })
  .superRefine((value, context) => {
    if (value.kind === 'referred' && !value.goal) {
      context.addIssue({ code: 'custom', path: ['goal'], message: 'Et visiteret forløb skal have et målbart mål, som borgeren vurderer før og efter. Skriv målet.' });
    }
  });

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, 2000) : '');

export function readCourseForm(body: Record<string, unknown>): { draft: CourseDraft; fields: CourseFields | null; problems: Problem[] } {
  const draft = Object.fromEntries(Object.keys(emptyCourseDraft).map((key) => [key, field(body, `course.${key}`)])) as CourseDraft;
  const parsed = courseSchema.safeParse(draft);
  if (parsed.success) return { draft, fields: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => ({ field: `course.${String(issue.path[0])}`, message: issue.message }));
  return { draft, fields: null, problems: problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index) };
}


const validDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
const time = (value: string) => {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
};

/** Reads a meeting's form; `prefix` is the field ids' start ('session' for a new one, 'move' for moving one). */
export function readSessionForm(body: Record<string, unknown>, prefix: string): { draft: SessionDraft; fields: SessionFields | null; problems: Problem[] } {
  const draft: SessionDraft = {
    date: field(body, 'date').trim(),
    startsAt: field(body, 'startsAt').trim(),
    endsAt: field(body, 'endsAt').trim(),
    where: field(body, 'where') === 'elsewhere' ? 'elsewhere' : 'here',
    placeNote: field(body, 'placeNote').trim().slice(0, 300),
  };
  const problems: Problem[] = [];
  if (!validDate(draft.date)) problems.push({ field: `${prefix}.date`, message: 'Skriv datoen som åååå-mm-dd, fx 2026-03-05, eller vælg den i kalenderen.' });
  const startsAt = time(draft.startsAt);
  const endsAt = time(draft.endsAt);
  if (!startsAt) problems.push({ field: `${prefix}.startsAt`, message: 'Skriv, hvornår mødet begynder, som tt:mm, fx 13:00.' });
  if (!endsAt) problems.push({ field: `${prefix}.endsAt`, message: 'Skriv, hvornår mødet slutter, som tt:mm, fx 14:30.' });
  if (startsAt && endsAt && endsAt <= startsAt) problems.push({ field: `${prefix}.endsAt`, message: 'Mødet skal slutte efter, det begynder.' });
  if (draft.where === 'elsewhere' && !draft.placeNote) {
    problems.push({ field: `${prefix}.placeNote`, message: 'Skriv, hvor mødet holdes, fx «Lokale 2, Sundby Bibliotek, Jemtelandsgade 3», eller vælg «På tilbuddet».' });
  }
  if (problems.length) return { draft, fields: null, problems };
  return { draft, fields: { date: draft.date, startsAt: startsAt!, endsAt: endsAt!, placeNote: draft.where === 'elsewhere' ? draft.placeNote : null }, problems };
}
