import { can, isScoped } from '../domain/access/policy.ts';
import { countsFromInstant, type Freshness, freshnessLimits, freshnessOf, needsAttention } from '../domain/freshness.ts';
import { formatDanishDate } from '../domain/time.ts';
import { isKeptFresh } from './list-due-offerings.ts';
import type { FreshnessItem, FreshnessStore, Mail, Reminder, ReminderStage } from './freshness-store.ts';

/**
 * Reminders by mail (ADR 014): for every offering that has reached a new stage (due soon, stale,
 * expired) since its last verification, one reminder, to the people whose own grants cover it and who
 * may verify it (staff of the offering, the operator's editors, the centre's leads). Each person gets
 * one mail per run listing all their offerings. A reminder is recorded per offering, verification and
 * stage, so running this twice, or every day, queues nothing twice. System administrators reach
 * everything and are not mailed about everything; an offering nobody answers for shows on the
 * overview of what is due, and is counted here.
 */
export async function queueFreshnessReminders(options: { store: FreshnessStore; now: Date; baseUrl: string }): Promise<{
  reminders: number;
  mails: number;
  withoutRecipient: string[];
}> {
  const [items, accounts] = await Promise.all([options.store.items(), options.store.activeAccounts()]);
  const scoped = accounts.map((account) => ({
    account,
    principal: { accountId: account.id, name: account.name, grants: account.grants.filter((grant) => isScoped(grant.role)) },
  }));
  const due = new Map<string, { item: FreshnessItem; freshness: Freshness; recipients: typeof accounts }>();
  const withoutRecipient: string[] = [];
  const reminders: Reminder[] = [];
  for (const item of items) {
    if (!isKeptFresh(item, options.now)) continue;
    const freshness = freshnessOf(item.record, options.now);
    if (!needsAttention(freshness.state)) continue;
    const recipients = scoped.filter(({ principal }) => can(principal, 'offering.verify', item)).map(({ account }) => account);
    if (recipients.length === 0) {
      withoutRecipient.push(item.name);
      continue;
    }
    due.set(item.id, { item, freshness, recipients });
    reminders.push({
      offeringId: item.id,
      cycleStart: countsFromInstant(item.record),
      stage: freshness.state as ReminderStage,
      recipients: recipients.length,
    });
  }
  const outcome = await options.store.recordReminders(reminders, options.now, (fresh) => {
    const perRecipient = new Map<string, { name: string; email: string; offerings: { item: FreshnessItem; freshness: Freshness }[] }>();
    for (const reminder of fresh) {
      const entry = due.get(reminder.offeringId)!;
      for (const account of entry.recipients) {
        const mail = perRecipient.get(account.id) ?? { name: account.name, email: account.email, offerings: [] };
        mail.offerings.push({ item: entry.item, freshness: entry.freshness });
        perRecipient.set(account.id, mail);
      }
    }
    return [...perRecipient.values()].map((person) => reminderMail(person, options.baseUrl, options.now));
  });
  return { reminders: outcome.reminders.length, mails: outcome.mails, withoutRecipient };
}

const months = (days: number) => Math.round(days / 30.4);

function line(offering: { item: FreshnessItem; freshness: Freshness }, baseUrl: string): string {
  const { item, freshness } = offering;
  const since = freshness.verifiedOn ? `Sidst bekræftet ${formatDanishDate(freshness.verifiedOn)}.` : 'Aldrig bekræftet på platformen.';
  const what =
    freshness.state === 'due_soon'
      ? `Bekræft senest ${formatDanishDate(freshness.warnOn)}; ellers får den offentlige side en advarsel om, at oplysningerne kan være forældede.`
      : freshness.state === 'stale'
        ? `Den offentlige side viser nu en advarsel. Bliver oplysningerne ikke bekræftet senest ${formatDanishDate(freshness.expiresOn)}, forsvinder stedet fra søgningen.`
        : 'Stedet er taget ud af søgningen, fordi oplysningerne er for gamle. Det kommer med igen, så snart nogen bekræfter dem.';
  return `- ${item.name}: ${since} ${what}\n  ${baseUrl}/admin/tilbud/${item.slug}`;
}

function reminderMail(
  person: { name: string; email: string; offerings: { item: FreshnessItem; freshness: Freshness }[] },
  baseUrl: string,
  now: Date,
): Mail {
  const count = person.offerings.length;
  const subject =
    count === 1
      ? `Tilbudsvifte: Er oplysningerne om ${person.offerings[0]!.item.name} stadig rigtige?`
      : `Tilbudsvifte: Er oplysningerne om ${count} tilbud stadig rigtige?`;
  const body = [
    `Hej ${person.name}`,
    '',
    `Borgerne skal kunne stole på det, der står om tilbuddene. Derfor skal nogen, der kender stedet, bekræfte oplysningerne mindst hvert halve år (efter ${months(freshnessLimits.warnAfterDays)} måneder kommer der en advarsel på den offentlige side, efter ${months(freshnessLimits.expireAfterDays)} måneder forsvinder stedet fra søgningen).`,
    '',
    count === 1 ? 'Det gælder dette tilbud:' : 'Det gælder disse tilbud:',
    '',
    ...person.offerings.map((offering) => line(offering, baseUrl)),
    '',
    'Er alt stadig rigtigt, tager det ét klik: åbn tilbuddet, og tryk på »Oplysningerne er stadig rigtige«. Er noget forkert, så ret det og gem. Det tæller også som en bekræftelse.',
    '',
    `Alt, hvad der skal bekræftes: ${baseUrl}/admin/forfald`,
    '',
    'Du får denne mail, fordi du har ansvar for tilbuddene i Tilbudsvifte. Du får kun én mail, hver gang et tilbud når et nyt trin.',
  ].join('\n');
  return { recipient: person.email, subject, body, createdAt: now };
}
