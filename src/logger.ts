import pino, { type DestinationStream } from 'pino';
import type { Config } from './config.ts';

/**
 * Personal data never reaches the log: these fields are replaced wherever they appear. A mail's
 * recipient and body (which may hold a name and a one-time link) are among them, under the names the
 * outbox and the mail transports use.
 */
const fields = ['password', 'email', 'phone', 'name', 'cpr', 'token', 'recipient', 'to', 'body', 'text', 'html'];
const redact = [...fields, ...fields.map((field) => `*.${field}`), 'req.headers.cookie', 'req.headers.authorization'];

/** `destination` is for tests that read what was logged; the server logs to standard output. */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream) {
  const options = { level, redact: { paths: redact, censor: '[skjult]' }, base: { service: 'tilbudsvifte' } };
  return destination ? pino(options, destination) : pino(options);
}

const emailAddress = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[a-z]{2,}/gi;
const oneTimeLink = /(\/admin\/adgangskode\/)[\w-]+/g;

/**
 * An error as one line fit for the log and the outbox's last error: its message without email
 * addresses or one-time links (a mail server's refusal often names the recipient), at most 300 characters.
 */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = message.replace(emailAddress, '[adresse]').replace(oneTimeLink, '$1[skjult]').replace(/\s+/g, ' ').trim();
  return (text || 'Ukendt fejl').slice(0, 300);
}
