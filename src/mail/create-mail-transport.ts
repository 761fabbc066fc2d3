import type { MailTransport } from '../app/deliver-outbox.ts';
import type { Config } from '../config.ts';
import { createLogTransport } from './log-transport.ts';
import { createSmtpTransport } from './smtp-transport.ts';

/** Where mail goes, as the back office tells the system administrator. */
export type MailRoute = { kind: 'smtp'; host: string } | { kind: 'log' } | { kind: 'none' };

/**
 * The transport the settings select (ADR 020): the mail server when SMTP_HOST and SMTP_FROM are set;
 * otherwise the log on a development address (http), and nothing at all on a public one (https), where
 * mails wait in the outbox until a mail server is set up rather than being lost in a log.
 */
export function createMailTransport(
  config: Pick<Config, 'smtp' | 'baseUrl'>,
  logger: { info(object: object, message: string): void },
): { transport: MailTransport | null; route: MailRoute } {
  if (config.smtp) return { transport: createSmtpTransport(config.smtp), route: { kind: 'smtp', host: config.smtp.host } };
  if (!config.baseUrl.startsWith('https://')) return { transport: createLogTransport(logger), route: { kind: 'log' } };
  return { transport: null, route: { kind: 'none' } };
}
