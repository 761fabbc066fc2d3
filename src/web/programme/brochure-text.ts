import type { Brochure } from '../../app/get-brochure.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Offering } from '../../domain/range.ts';
import { statusOn } from '../../domain/status.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { vocabulary } from '../../domain/vocabulary.ts';
import { addressLine } from '../components/address-line.ts';
import { summariseHours } from '../components/hours-summary.tsx';
import { brochureText } from '../i18n/programme.ts';

/** The brochure's words, shared by the HTML page and the PDF (ADR 034), in Danish or English (`web/i18n/programme.ts`). */

/** The Danish words, as before English came. */
export const brochureWords = brochureText.da;

export function brochureTitle(brochure: Pick<Brochure, 'district'>, locale: Locale = 'da'): string {
  return brochureText[locale].titleFor(brochure.district?.name ?? null);
}

/** One place as the brochure shows it, in plain lines. */
export function placeFacts(offering: Offering, today: string, locale: Locale = 'da') {
  const words = vocabulary[locale];
  const status = statusOn(offering.events, today);
  const profile = offering.profile ? words.profiles[offering.profile].label : null;
  const staffing = offering.staffing ? words.staffing[offering.staffing] : null;
  const description = offering.description.trim();
  // A sentence or two: the live page has the rest.
  const short = description.length <= 320 ? description : `${description.slice(0, 320).replace(/\s+\S*$/, '')} …`;
  return {
    /** Said only of a place that is closing: the rest are simply open. */
    status: status.state === 'closing' ? describeStatus(status, offering.events, locale) : null,
    profile: [profile, staffing].filter(Boolean).join(' · ') || null,
    description: short || null,
    address: addressLine(offering, locale),
    hours: summariseHours(offering.schedule.rules, locale)?.replaceAll('\u2060', '') ?? null,
    hoursAreExample: offering.schedule.rules.some((rule) => rule.isExample),
    firstVisit: offering.firstVisit?.trim() || null,
    contact:
      [offering.phone ? brochureText[locale].phone(offering.phone) : null, offering.email, offering.url].filter(Boolean).join(' · ') || null,
    isExample: offering.isExample,
  };
}

export const placePath = (offering: Offering) => `/tilbud/${encodeURIComponent(offering.slug)}`;
