import path from 'node:path';
import { z } from 'zod';
import { isTileUrlTemplate } from './domain/map-projection.ts';

/**
 * Every setting the server reads from its environment, checked once at boot.
 * Defaults work on a developer's machine; production sets DATABASE_URL, BASE_URL, GEOCODER and GSEARCH_TOKEN.
 */
const schema = z.object({
  PORT: z.coerce
    .number({ error: 'skal være et helt tal mellem 1 og 65535' })
    .int({ error: 'skal være et helt tal mellem 1 og 65535' })
    .min(1, { error: 'skal være et helt tal mellem 1 og 65535' })
    .max(65535, { error: 'skal være et helt tal mellem 1 og 65535' })
    .default(3000),
  HOST: z
    .string()
    .regex(/^[0-9a-zA-Z.:-]+$/, { error: 'skal være et værtsnavn eller en IP-adresse, fx 127.0.0.1' })
    .default('127.0.0.1'),
  DATA_DIR: z.string().min(1, { error: 'må ikke være tom' }).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'skal begynde med postgres:// eller postgresql://' })
    .optional(),
  BASE_URL: z.url({ error: 'skal være en fuld adresse, fx https://tilbud.kk.dk' }).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'skal være en af fatal, error, warn, info, debug, trace eller silent',
    })
    .default('info'),
  SEED: z
    .enum(['true', 'false'], { error: 'skal være true eller false' })
    .default('true')
    .transform((value) => value === 'true'),
  GEOCODER: z.enum(['fixture', 'gsearch'], { error: 'skal være fixture eller gsearch' }).default('fixture'),
  GSEARCH_TOKEN: z.string().regex(/^\S+$/, { error: 'må ikke indeholde mellemrum' }).optional(),
  MAP_TILE_URL: z
    .string()
    .refine(isTileUrlTemplate, {
      error: 'skal være en https-adresse med {z}, {x} og {y}, fx https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    })
    .optional(),
});

// Settings that only make sense together are checked after each one is valid on its own.
const checkedSchema = schema.superRefine((value, context) => {
  if (value.GEOCODER === 'gsearch' && !value.GSEARCH_TOKEN) {
    context.addIssue({ code: 'custom', path: ['GSEARCH_TOKEN'], message: 'skal være sat, når GEOCODER er gsearch' });
  }
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  seed: boolean;
  /** Where addresses are looked up: the offline fixture file, or Dataforsyningen's GSearch. */
  geocoder: z.infer<typeof schema>['GEOCODER'];
  gsearchToken: string | undefined;
  /** Background tiles for the map page (/kort); unset, the map is drawn on a plain background and asks no other host. */
  mapTileUrl: string | undefined;
};

/** The settings that may be shown to anyone (e.g. on a status page); the rest stay on the server. */
export const publicSettings = ['PORT', 'BASE_URL', 'LOG_LEVEL', 'GEOCODER', 'MAP_TILE_URL'] as const;

/** Settings whose value is never repeated in an error message: a token, or a URL that may hold a password. */
const secretSettings: readonly string[] = ['GSEARCH_TOKEN', 'DATABASE_URL'];

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable is treated as unset, so `PORT= npm start` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = checkedSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]);
    const given = env[name];
    const shown =
      given === undefined || given === ''
        ? 'den er ikke sat'
        : secretSettings.includes(name)
          ? 'værdien vises ikke'
          : `fik ${JSON.stringify(given)}`;
    throw new ConfigError(`Indstillingen ${name} ${issue.message} (${shown}).`);
  }
  const value = result.data;
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir: path.resolve(value.DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    baseUrl: (value.BASE_URL ?? `http://${value.HOST === '0.0.0.0' ? 'localhost' : value.HOST}:${value.PORT}`).replace(
      /\/$/,
      '',
    ),
    logLevel: value.LOG_LEVEL,
    seed: value.SEED,
    geocoder: value.GEOCODER,
    gsearchToken: value.GSEARCH_TOKEN,
    mapTileUrl: value.MAP_TILE_URL,
  };
}
