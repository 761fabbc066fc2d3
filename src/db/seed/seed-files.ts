import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { courseKinds, courseRunners, courseTracks } from '../../domain/course/model.ts';
import { interests, profiles, targetGroups } from '../../domain/vocabulary.ts';

/** The seed files in /seed, checked on load so a hand edit that breaks them is named, not guessed at. */
export const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seed');

const centreId = z.enum(['city', 'norrebro', 'amager', 'nordvest']);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^\d{2}:\d{2}$/);

const portfolioSchema = z.object({
  coordinatePrecision: z.string(),
  centres: z.array(z.object({ id: centreId, name: z.string(), track: z.string(), trackDa: z.string() })),
  offerings: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string(),
      address: z.string().nullable(),
      district: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      centre: centreId.nullable(),
      alsoServes: z.array(centreId).optional(),
      operator: z.string().nullable(),
      ownership: z.enum(['self-governing', 'municipal']).nullable(),
      before: z.enum(['active', 'closed']).nullable(),
      after: z.enum(['continues', 'continues-with-new-offering', 'proposed', 'closes', 'closed']).nullable(),
      replaces: z.array(z.string()).optional(),
      mergedInto: z.string().optional(),
      replacedBy: z.string().optional(),
      parent: z.string().optional(),
      notes: z.string().nullable(),
      seed: z.array(z.string()),
    }),
  ),
  budget: z.object({
    priceLevel: z.string(),
    unit: z.literal('1,000 DKK'),
    lines: z.array(
      z.object({
        committee: z.string(),
        appropriation: z.string(),
        appropriationName: z.string(),
        function: z.string(),
        kind: z.enum(['expense', 'income']),
        amounts: z.record(z.string().regex(/^\d{4}$/), z.number()),
        permanent: z.boolean(),
      }),
    ),
    seed: z.array(z.string()),
  }),
});

const danishSchema = z.object({
  sources: z.array(
    z.object({ id: z.string(), title: z.string(), date: date.nullable(), caseNumber: z.string().nullable() }),
  ),
  administration: z.object({ slug: z.string(), name: z.string(), description: z.string() }),
  centres: z.record(centreId, z.object({ name: z.string(), description: z.string() })),
  operators: z.record(
    z.string(),
    z.object({
      slug: z.string(),
      name: z.string(),
      ownership: z.enum(['municipal', 'self_governing']),
      description: z.string(),
      note: z.string().optional(),
    }),
  ),
  districts: z.array(z.object({ slug: z.string(), name: z.string(), centre: centreId })),
  districtNames: z.record(z.string(), z.string()),
  offerings: z.record(
    z.string(),
    z.object({
      description: z.string().min(1),
      profile: z.enum(Object.keys(profiles) as [keyof typeof profiles]).optional(),
      profileBasis: z.string().optional(),
      targetGroups: z.partialRecord(z.enum(Object.keys(targetGroups) as [keyof typeof targetGroups]), z.string()).optional(),
      interests: z.array(z.enum(Object.keys(interests) as [keyof typeof interests])).optional(),
      staffing: z.enum(['staff', 'user_run', 'staff_and_user_run']).nullable().optional(),
      rooms: z.array(z.object({ name: z.string(), description: z.string() })).optional(),
      postalCode: z.string().regex(/^\d{4}$/).optional(),
      city: z.string().optional(),
      municipality: z.string().optional(),
      area: z.string().optional(),
      addressPending: z.boolean().optional(),
    }),
  ),
});

const examplePeriod = z.object({
  opens: time,
  closes: time,
  userRun: z.boolean().optional(),
  staffPresent: z.boolean().optional(),
  weekdays: z.array(z.number().int().min(1).max(7)).optional(),
});
const recurrence = {
  every: z.number().int().min(2).max(4).optional(),
  anchor: date.optional(),
  nth: z.union([z.literal(-1), z.number().int().min(1).max(5)]).optional(),
  validFrom: date.optional(),
  validTo: date.optional(),
};

const examplesSchema = z.object({
  schedules: z.array(
    z.object({
      offering: z.string(),
      weekdays: z.array(z.number().int().min(1).max(7)),
      opens: time,
      closes: time,
      userRun: z.boolean().optional(),
      staffPresent: z.boolean().optional(),
      description: z.string().optional(),
      ...recurrence,
    }),
  ),
  exceptions: z.array(
    z.object({
      offering: z.string(),
      from: date,
      to: date,
      kind: z.enum(['closed', 'hours', 'transition']),
      reason: z.string().optional(),
      periods: z.array(examplePeriod).optional(),
    }),
  ),
  holidays: z.array(
    z.object({
      offering: z.string(),
      standard: z.enum(['closed', 'open']),
      rules: z.array(
        z.object({ holiday: z.string(), kind: z.enum(['closed', 'open', 'hours']), periods: z.array(examplePeriod).optional() }),
      ),
    }),
  ),
  places: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      address: z.string().nullable(),
      postcode: z.string(),
      city: z.string(),
      latitude: z.number(),
      longitude: z.number(),
      area: z.string().optional(),
    }),
  ),
  activities: z.array(
    z.object({
      offering: z.string(),
      name: z.string(),
      kind: z.enum(['dining', 'workshop', 'excursion', 'lesson', 'culture', 'food_club', 'peer_meeting', 'other']),
      description: z.string(),
      weekday: z.number().int().min(1).max(7).optional(),
      once: date.optional(),
      starts: time,
      ends: time,
      userRun: z.boolean().optional(),
      place: z.string().optional(),
      ...recurrence,
    }),
  ),
  /** Invented courses; their meetings are laid out from the day they are first seeded. */
  courses: z.array(
    z.object({
      slug: z.string().regex(/^eksempel-[a-z0-9-]+$/),
      offering: z.string(),
      title: z.string(),
      kind: z.enum(courseKinds),
      track: z.enum(courseTracks),
      purpose: z.string(),
      targetGroup: z.string(),
      runBy: z.enum(courseRunners),
      capacity: z.number().int().min(1),
      howToJoin: z.string(),
      goal: z.string().optional(),
      firstInDays: z.number().int().min(0),
      count: z.number().int().min(1).max(52),
      everyDays: z.number().int().min(1),
      starts: time,
      ends: time,
      place: z.string().optional(),
    }),
  ),
});

export type Portfolio = z.infer<typeof portfolioSchema>;
export type DanishProfile = z.infer<typeof danishSchema>;
export type Examples = z.infer<typeof examplesSchema>;
export type SeedFiles = {
  portfolio: Portfolio;
  danish: DanishProfile;
  examples: Examples;
  /** sha256 of the three files as read, so an unchanged seed is not loaded again at every start. */
  checksum: string;
};

function readJson<T>(file: string, schema: z.ZodType<T>, hash: ReturnType<typeof createHash>): T {
  const text = fs.readFileSync(path.join(seedDir, file), 'utf8');
  hash.update(text);
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Seed-filen ${file} er ugyldig ved ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

export function loadSeedFiles(): SeedFiles {
  const hash = createHash('sha256');
  return {
    portfolio: readJson('portfolio-2016.json', portfolioSchema, hash),
    danish: readJson('range-2016-da.json', danishSchema, hash),
    examples: readJson('eksempeldata.json', examplesSchema, hash),
    checksum: hash.digest('hex'),
  };
}
