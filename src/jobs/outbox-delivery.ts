import { deliverOutbox, type MailTransport, type OutboxStore } from '../app/deliver-outbox.ts';
import type { Job } from './runner.ts';

/** The outbox handed to the mail transport every ten seconds (ADR 020); a password link should not wait long. */
export function outboxDeliveryJob(deps: {
  store: OutboxStore;
  transport: MailTransport;
  logger: { warn(object: object, message: string): void };
}): Job {
  return {
    name: 'outbox-delivery',
    everyMs: 10_000,
    async run({ clock, signal }) {
      const outcome = await deliverOutbox({ store: deps.store, transport: deps.transport, clock, signal });
      for (const problem of outcome.problems) {
        // The mail's id, never its recipient; the error is already without addresses.
        deps.logger.warn({ mail: problem.id, attempt: problem.attempt, error: problem.error, gaveUp: problem.gaveUp }, 'mail not delivered');
      }
      const { problems: _problems, ...counts } = outcome;
      return counts;
    },
  };
}
