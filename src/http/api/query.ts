import { z } from 'zod';
import { InvalidInputError } from '../../app/errors.ts';
import { copenhagenWallTimeToInstant } from '../../domain/time.ts';

/** Query parameters of the open-data API, checked at the edge with messages that name the parameter. */

const integer = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return fallback;
      const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(number) || number < min || number > max) {
        ctx.addIssue({ code: 'custom', message: `${name} skal være et helt tal fra ${min} til ${max} (fik "${value}").` });
        return z.NEVER;
      }
      return number;
    });

const boolean = (name: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === 'false') return false;
      if (value === 'true') return true;
      ctx.addIssue({ code: 'custom', message: `${name} skal være true eller false (fik "${value}").` });
      return z.NEVER;
    });

const uuid = (name: string) =>
  z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
      message: `${name} skal være et UUID, fx 3f2b8c1e-0d4a-5b6c-8d7e-9f0a1b2c3d4e.`,
    })
    .optional();

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 8601 date or date-time. Without a zone it is read as Copenhagen time. */
const modifiedAfter = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    // An unencoded + in a URL arrives as a space, so 08:00:00+01:00 must also be read from 08:00:00 01:00.
    const text = value.replace(/(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:\d{2})$/, '$1+$2');
    const match = isoDateTime.exec(text);
    const fail = () => {
      ctx.addIssue({
        code: 'custom',
        message: `modified_after skal være en dato eller et tidspunkt i ISO 8601, fx 2026-01-31 eller 2026-01-31T08:00:00Z (fik "${value}").`,
      });
      return z.NEVER;
    };
    if (!match) return fail();
    const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = match;
    const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
    const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    if (
      check.getUTCFullYear() !== year ||
      check.getUTCMonth() !== month - 1 ||
      check.getUTCDate() !== day ||
      hour > 23 ||
      minute > 59 ||
      second > 59
    ) {
      return fail();
    }
    if (zone) {
      const instant = new Date(text.replace(' ', 'T'));
      return Number.isNaN(instant.getTime()) ? fail() : instant;
    }
    return copenhagenWallTimeToInstant(year, month, day, hour, minute, second);
  });

const search = z.string().max(200, { message: 'search må højst være 200 tegn.' }).optional();
const format = z
  .enum(['json', 'ndjson'], { message: 'format skal være json eller ndjson.' })
  .optional()
  .transform((value) => value ?? 'json');

const paging = {
  page: integer('page', 1, 100_000, 1),
  per_page: integer('per_page', 1, 1000, 50),
  format,
};

export const serviceListQuery = z.strictObject({
  ...paging,
  search,
  modified_after: modifiedAfter,
  organization_id: uuid('organization_id'),
  taxonomy_id: uuid('taxonomy_id'),
  taxonomy_term_id: uuid('taxonomy_term_id'),
  minimal: boolean('minimal'),
  full: boolean('full'),
});

export const organizationListQuery = z.strictObject({
  ...paging,
  search,
  modified_after: modifiedAfter,
  full_service: boolean('full_service'),
});

export const taxonomyListQuery = z.strictObject({ ...paging, search });
export const taxonomyTermListQuery = z.strictObject({ ...paging, search, taxonomy_id: uuid('taxonomy_id') });
export const noQuery = z.strictObject({});

/** Parse a query, or throw InvalidInputError naming the first parameter that is wrong. */
export function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string[]>): z.output<T> {
  const meaningful: Record<string, string> = {};
  for (const [key, values] of Object.entries(query)) {
    // Parameters starting with _ are cache-busters some clients add; they carry no meaning here.
    if (key.startsWith('_')) continue;
    if (values.length > 1) throw new InvalidInputError(`Parameteren ${key} må kun angives én gang.`, key);
    meaningful[key] = values[0] ?? '';
  }
  const result = schema.safeParse(meaningful);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    throw new InvalidInputError(`Parameteren ${key} kendes ikke på denne adresse.`, key);
  }
  const parameter = String(issue.path[0] ?? 'query');
  const message = issue.message.startsWith(parameter) ? issue.message : `${parameter}: ${issue.message}`;
  throw new InvalidInputError(message, parameter);
}
