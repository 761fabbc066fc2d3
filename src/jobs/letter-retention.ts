import type { LetterStore } from '../app/log-letters.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { Job } from './runner.ts';

/**
 * ADR 035's retention rule, once a day: the names and contacts of those who wrote about the range are deleted
 * on their letter's date (two years after the letter or the reply). The letter, its case number and the reply
 * stay. Running it again changes nothing.
 */
export function letterRetentionJob(deps: { letters: LetterStore }): Job {
  return {
    name: 'letter-retention',
    everyMs: 24 * 3_600_000,
    async run({ now }) {
      return { senders: await deps.letters.forgetSenders(copenhagenDate(now), now) };
    },
  };
}
