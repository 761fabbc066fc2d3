import type { MailTransport } from '../app/deliver-outbox.ts';

/**
 * Development without a mail server (ADR 020): a mail is "delivered" by a line in the log with its id
 * and subject, never its recipient or body. One-time links are logged by the routes that make them
 * (`logLinks`), as before, so a developer can still sign in.
 */
export function createLogTransport(logger: { info(object: object, message: string): void }): MailTransport {
  return {
    kind: 'log',
    async send(mail) {
      logger.info({ mail: mail.id, subject: mail.subject }, 'mail delivered to the log (development: SMTP_HOST is not set)');
    },
    async close() {},
  };
}
