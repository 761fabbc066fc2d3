import type { FreshnessStore } from '../app/freshness-store.ts';
import { queueFreshnessReminders } from '../app/queue-freshness-reminders.ts';
import type { Job } from './runner.ts';

/** ADR 014's reminders, once a day: each run queues only what is new, so running it again is harmless. */
export function freshnessRemindersJob(deps: { store: FreshnessStore; baseUrl: string }): Job {
  return {
    name: 'freshness-reminders',
    everyMs: 24 * 3_600_000,
    async run({ now }) {
      const outcome = await queueFreshnessReminders({ store: deps.store, now, baseUrl: deps.baseUrl });
      return { reminders: outcome.reminders, mails: outcome.mails, withoutRecipient: outcome.withoutRecipient.length };
    },
  };
}
