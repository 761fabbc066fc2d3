import type { GloriaStore } from '../app/run-gloria.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { Job } from './runner.ts';

/**
 * ADR 037's retention rule, once a day: a life story's storyteller's first name and consent are deleted two years
 * after the consent; the story stays, anonymous. Running it again changes nothing.
 */
export function gloriaRetentionJob(deps: { gloria: Pick<GloriaStore, 'forgetStorytellers'> }): Job {
  return {
    name: 'gloria-retention',
    everyMs: 24 * 3_600_000,
    async run({ now }) {
      return { storytellers: await deps.gloria.forgetStorytellers(copenhagenDate(now), now) };
    },
  };
}
