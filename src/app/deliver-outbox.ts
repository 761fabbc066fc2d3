import { errorText } from '../logger.ts';

/**
 * Delivering the outbox (ADR 020). The back office queues mails in the `outbox` table in the same
 * transaction as the change they belong to; a background job hands them to a `MailTransport`. A mail is
 * sent at most once: it is claimed by one sender before it is handed over, and a claim that ends
 * without an outcome is given up rather than sent again. Failures that may pass are tried again later.
 */

/** A queued mail as the sender sees it. */
export type OutgoingMail = { id: string; recipient: string; subject: string; body: string; attempts: number; createdAt: Date };

/** Where mail goes: a mail server, or (development) the log. */
export type MailTransport = {
  kind: 'smtp' | 'log';
  /** Resolves when the mail server has accepted the mail; throws `MailRefusedError` or any error otherwise. */
  send(mail: { id: string; to: string; subject: string; text: string }): Promise<void>;
  close(): Promise<void>;
};

/** The mail server answered that this mail will never be accepted (a 5xx answer, e.g. an unknown recipient). */
export class MailRefusedError extends Error {}

export type OutboxSummary = {
  waiting: number;
  /** Of those waiting, how many have failed at least once and wait for their next attempt. */
  retrying: number;
  sent: number;
  failed: number;
  /** The most recent mails with a problem (retrying or given up), newest first: never their body or recipient. */
  problems: { id: string; subject: string; createdAt: Date; attempts: number; lastError: string; failedAt: Date | null; nextAttemptAt: Date | null }[];
};

export type OutboxStore = {
  /** Claim the oldest mail that is due and nobody has claimed, counting the attempt; null when there is none. */
  claimNext(claim: string, now: Date, claimMs: number): Promise<OutgoingMail | null>;
  markSent(id: string, claim: string, at: Date): Promise<void>;
  retryLater(id: string, claim: string, error: string, nextAttemptAt: Date): Promise<void>;
  giveUp(id: string, claim: string, error: string, at: Date): Promise<void>;
  /** Give up every mail whose claim ended before `now` without an outcome; how many. */
  giveUpAbandoned(now: Date, error: string): Promise<number>;
  /** Give up every unclaimed mail queued before `cutoff`; how many. */
  giveUpOlderThan(cutoff: Date, at: Date, error: string): Promise<number>;
  summary(limit: number): Promise<OutboxSummary>;
};

export const deliveryRules = {
  /** Minutes to wait after the 1st, 2nd, … failed attempt; after the last of these the next failure gives up. */
  retryDelaysMinutes: [1, 5, 15, 60, 240] as const,
  /** A claim lasts this long: far longer than the transport's own time limits for one mail. */
  claimMs: 5 * 60_000,
  /** A mail not sent within this many days is given up: its links and news would be out of date. */
  maxAgeDays: 3,
  /** At most this many mails per run; the next run goes on. */
  batch: 50,
};

export const maxAttempts = deliveryRules.retryDelaysMinutes.length + 1;

export const abandonedText =
  'Afsendelsen blev afbrudt, fordi serveren stoppede midt i den. Det vides ikke, om mailen kom frem, så den sendes ikke igen.';
export const tooOldText = `Mailen blev ikke sendt inden for ${deliveryRules.maxAgeDays} døgn og er opgivet, fordi indholdet ville være forældet.`;

/** When to try again after the `attempts`-th failed attempt, or null to give up. */
export function nextAttemptAfter(attempts: number, at: Date): Date | null {
  const minutes = deliveryRules.retryDelaysMinutes[attempts - 1];
  return minutes === undefined ? null : new Date(at.getTime() + minutes * 60_000);
}

export type DeliveryOutcome = {
  sent: number;
  retrying: number;
  failed: number;
  abandoned: number;
  tooOld: number;
  /** What went wrong, per mail, without personal data: for the log. */
  problems: { id: string; attempt: number; error: string; gaveUp: boolean }[];
};

/** One run of delivery: give up what cannot be sent, then send what is due, one mail at a time. */
export async function deliverOutbox(options: {
  store: OutboxStore;
  transport: MailTransport;
  clock: () => Date;
  signal?: AbortSignal;
}): Promise<DeliveryOutcome> {
  const { store, transport, clock } = options;
  const start = clock();
  const outcome: DeliveryOutcome = { sent: 0, retrying: 0, failed: 0, abandoned: 0, tooOld: 0, problems: [] };
  outcome.abandoned = await store.giveUpAbandoned(start, abandonedText);
  outcome.tooOld = await store.giveUpOlderThan(new Date(start.getTime() - deliveryRules.maxAgeDays * 86_400_000), start, tooOldText);
  const claim = crypto.randomUUID();
  for (let count = 0; count < deliveryRules.batch && !options.signal?.aborted; count++) {
    const mail = await store.claimNext(claim, clock(), deliveryRules.claimMs);
    if (!mail) break;
    try {
      await transport.send({ id: mail.id, to: mail.recipient, subject: mail.subject, text: mail.body });
    } catch (error) {
      const text = errorText(error);
      const at = clock();
      const retryAt = error instanceof MailRefusedError ? null : nextAttemptAfter(mail.attempts, at);
      if (retryAt) {
        await store.retryLater(mail.id, claim, text, retryAt);
        outcome.retrying++;
      } else {
        await store.giveUp(mail.id, claim, text, at);
        outcome.failed++;
      }
      outcome.problems.push({ id: mail.id, attempt: mail.attempts, error: text, gaveUp: retryAt === null });
      continue;
    }
    await store.markSent(mail.id, claim, clock());
    outcome.sent++;
  }
  return outcome;
}
