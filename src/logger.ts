import pino from 'pino';
import type { Config } from './config.ts';

/** Personal data never reaches the log: these fields are replaced wherever they appear. */
const redact = [
  'password',
  'email',
  'phone',
  'name',
  'cpr',
  'token',
  '*.password',
  '*.email',
  '*.phone',
  '*.cpr',
  '*.token',
  'req.headers.cookie',
  'req.headers.authorization',
];

export function createLogger(level: Config['logLevel']) {
  return pino({ level, redact: { paths: redact, censor: '[skjult]' }, base: { service: 'tilbudsvifte' } });
}
