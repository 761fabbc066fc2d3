import path from 'node:path';
import { z } from 'zod';
import { isTileUrlTemplate } from './domain/map-projection.ts';

/**
 * Every setting the server reads from its environment, checked once at boot.
 * Defaults work on a developer's machine; production sets DATABASE_URL, BASE_URL, GEOCODER and GSEARCH_TOKEN,
 * OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET for single sign-on, and SMTP_HOST and SMTP_FROM (with
 * SMTP_USER and SMTP_PASSWORD) for mail.
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
  COURSE_RETENTION_DAYS: z.coerce
    .number({ error: 'skal være et helt antal dage mellem 0 og 3650' })
    .int({ error: 'skal være et helt antal dage mellem 0 og 3650' })
    .min(0, { error: 'skal være et helt antal dage mellem 0 og 3650' })
    .max(3650, { error: 'skal være et helt antal dage mellem 0 og 3650' })
    .default(90),
  GEOCODER: z.enum(['fixture', 'gsearch'], { error: 'skal være fixture eller gsearch' }).default('fixture'),
  GSEARCH_TOKEN: z.string().regex(/^\S+$/, { error: 'må ikke indeholde mellemrum' }).optional(),
  MAP_TILE_URL: z
    .string()
    .refine(isTileUrlTemplate, {
      error: 'skal være en https-adresse med {z}, {x} og {y}, fx https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    })
    .optional(),
  OIDC_ISSUER: z
    .url({ protocol: /^https$/, error: 'skal være en https-adresse på log-ind-tjenesten, fx https://login.kk.dk' })
    .optional(),
  OIDC_CLIENT_ID: z.string().regex(/^\S+$/, { error: 'må ikke indeholde mellemrum' }).optional(),
  OIDC_CLIENT_SECRET: z.string().regex(/^\S+$/, { error: 'må ikke indeholde mellemrum' }).optional(),
  OIDC_NAME: z.string().trim().min(1, { error: 'må ikke være tom' }).max(60, { error: 'må højst være 60 tegn' }).optional(),
  SMTP_HOST: z.string().regex(/^[0-9a-zA-Z.:-]+$/, { error: 'skal være mailserverens navn eller IP-adresse, fx smtp.kk.dk' }).optional(),
  SMTP_PORT: z.coerce
    .number({ error: 'skal være et helt tal mellem 1 og 65535' })
    .int({ error: 'skal være et helt tal mellem 1 og 65535' })
    .min(1, { error: 'skal være et helt tal mellem 1 og 65535' })
    .max(65535, { error: 'skal være et helt tal mellem 1 og 65535' })
    .optional(),
  SMTP_SECURITY: z
    .enum(['starttls', 'tls', 'none'], { error: 'skal være starttls, tls eller none' })
    .optional(),
  SMTP_USER: z.string().regex(/^\S+$/, { error: 'må ikke indeholde mellemrum' }).optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z
    .string()
    .regex(/^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/, {
      error: 'skal være en afsenderadresse, fx tilbudsvifte@kk.dk eller "Tilbudsvifte <tilbudsvifte@kk.dk>"',
    })
    .optional(),
});

const singleSignOnSettings = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
const mailSettings = ['SMTP_HOST', 'SMTP_FROM'] as const;
const mailOptions = ['SMTP_PORT', 'SMTP_SECURITY', 'SMTP_USER', 'SMTP_PASSWORD'] as const;
const localHost = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/;

// Settings that only make sense together are checked after each one is valid on its own.
const checkedSchema = schema.superRefine((value, context) => {
  if (value.GEOCODER === 'gsearch' && !value.GSEARCH_TOKEN) {
    context.addIssue({ code: 'custom', path: ['GSEARCH_TOKEN'], message: 'skal være sat, når GEOCODER er gsearch' });
  }
  // Single sign-on is on when all three are set and off when none is; half set is a mistake, not "off".
  const given = [...singleSignOnSettings, 'OIDC_NAME' as const].filter((name) => value[name] !== undefined);
  const missing = singleSignOnSettings.filter((name) => value[name] === undefined);
  if (given.length && missing.length) {
    context.addIssue({
      code: 'custom',
      path: [missing[0]!],
      message: `skal være sat, når ${joinNames(given)} er sat (log ind med arbejdskonto kræver OIDC_ISSUER, OIDC_CLIENT_ID og OIDC_CLIENT_SECRET)`,
    });
  }
  // Mail is sent when SMTP_HOST and SMTP_FROM are set and not when none of SMTP_* is; anything between is a mistake.
  const mailGiven = [...mailSettings, ...mailOptions].filter((name) => value[name] !== undefined);
  const mailMissing = mailSettings.filter((name) => value[name] === undefined);
  if (mailGiven.length && mailMissing.length) {
    context.addIssue({
      code: 'custom',
      path: [mailMissing[0]!],
      message: `skal være sat, når ${joinNames(mailGiven)} er sat (mails sendes kun, når både SMTP_HOST og SMTP_FROM er sat)`,
    });
  }
  if ((value.SMTP_USER === undefined) !== (value.SMTP_PASSWORD === undefined)) {
    const missing = value.SMTP_USER === undefined ? 'SMTP_USER' : 'SMTP_PASSWORD';
    context.addIssue({
      code: 'custom',
      path: [missing],
      message: `skal være sat, når ${missing === 'SMTP_USER' ? 'SMTP_PASSWORD' : 'SMTP_USER'} er sat (log ind på mailserveren kræver begge)`,
    });
  }
  if (value.SMTP_SECURITY === 'none' && value.SMTP_PASSWORD !== undefined && value.SMTP_HOST && !localHost.test(value.SMTP_HOST)) {
    context.addIssue({
      code: 'custom',
      path: ['SMTP_SECURITY'],
      message: 'må kun være none for en mailserver på denne maskine, når der logges ind: ellers sendes adgangskoden ukrypteret (brug starttls eller tls)',
    });
  }
});

function joinNames(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

/** The button's text on the sign-in page when OIDC_NAME is not set. */
export const defaultSingleSignOnName = 'Log ind med din arbejdskonto';

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
  /** Sign-in through the organisation's OpenID Connect provider (ADR 013); unset, only email and password. */
  singleSignOn: SingleSignOnSettings | undefined;
  /** Days after a course's last meeting before its participants' names and contacts are anonymised (ADR 023). */
  courseRetentionDays: number;
  /** The mail server the outbox is delivered through (ADR 020); unset, mails go to the log (development) or wait. */
  smtp: SmtpSettings | undefined;
};

export type SmtpSettings = {
  host: string;
  port: number;
  /** starttls: plain connection upgraded, required; tls: encrypted from the start (465); none: a relay on this machine. */
  security: 'starttls' | 'tls' | 'none';
  auth: { user: string; password: string } | undefined;
  from: string;
};

const defaultSmtpPort = { starttls: 587, tls: 465, none: 25 } as const;

export type SingleSignOnSettings = { issuer: string; clientId: string; clientSecret: string; name: string };

/** The settings that may be shown to anyone (e.g. on a status page); the rest stay on the server. */
export const publicSettings = ['PORT', 'BASE_URL', 'LOG_LEVEL', 'GEOCODER', 'MAP_TILE_URL', 'OIDC_ISSUER', 'OIDC_NAME', 'COURSE_RETENTION_DAYS'] as const;

/** Settings whose value is never repeated in an error message: a token, or a URL that may hold a password. */
const secretSettings: readonly string[] = ['GSEARCH_TOKEN', 'DATABASE_URL', 'OIDC_CLIENT_SECRET', 'SMTP_PASSWORD'];

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
    courseRetentionDays: value.COURSE_RETENTION_DAYS,
    geocoder: value.GEOCODER,
    gsearchToken: value.GSEARCH_TOKEN,
    mapTileUrl: value.MAP_TILE_URL,
    singleSignOn:
      value.OIDC_ISSUER && value.OIDC_CLIENT_ID && value.OIDC_CLIENT_SECRET
        ? {
            issuer: value.OIDC_ISSUER,
            clientId: value.OIDC_CLIENT_ID,
            clientSecret: value.OIDC_CLIENT_SECRET,
            name: value.OIDC_NAME ?? defaultSingleSignOnName,
          }
        : undefined,
    smtp:
      value.SMTP_HOST && value.SMTP_FROM
        ? {
            host: value.SMTP_HOST,
            port: value.SMTP_PORT ?? defaultSmtpPort[value.SMTP_SECURITY ?? 'starttls'],
            security: value.SMTP_SECURITY ?? 'starttls',
            auth: value.SMTP_USER && value.SMTP_PASSWORD !== undefined ? { user: value.SMTP_USER, password: value.SMTP_PASSWORD } : undefined,
            from: value.SMTP_FROM,
          }
        : undefined,
  };
}
