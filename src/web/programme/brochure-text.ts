import type { Brochure } from '../../app/get-brochure.ts';
import type { Offering } from '../../domain/range.ts';
import { statusOn } from '../../domain/status.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { formatDate } from '../../domain/time.ts';
import { profiles, staffingLabels } from '../../domain/vocabulary.ts';
import { addressLine } from '../components/address-line.ts';
import { summariseHours } from '../components/hours-summary.tsx';

/** The brochure's words, shared by the HTML page and the PDF (ADR 034). */

export const brochureWords = {
  source: 'Tilbudsvifte København · aktivitets- og samværstilbud',
  title: 'Alle aktivitets- og samværstilbud',
  lead: 'Steder hvor du kan komme, møde andre og være med i aktiviteter. Det er gratis, og du skal ikke visiteres.',
  printedOn: (date: string) => `Udskrevet ${formatDate(date, 'da')}. Se altid de nyeste oplysninger på nettet.`,
  withoutDistrict: 'Uden kendt bydel',
  placeCount: (count: number) => (count === 1 ? '1 sted' : `${count} steder`),
  firstVisit: 'Første gang',
  hours: 'Åbent',
  contact: 'Kontakt',
  noHours: 'Åbningstiderne er ikke oplyst endnu. Ring og spørg.',
  noFirstVisit: 'Ikke beskrevet endnu. Ring eller skriv, så tager de imod dig.',
  noContact: 'Ikke oplyst endnu.',
  qrLabel: (name: string) => `QR-kode til siden om ${name}`,
  exampleNote: 'Oplysninger mærket «eksempeldata» er opdigtede eksempler.',
  exampleMark: 'eksempeldata',
  leftOut: (shown: number, leftOut: number) =>
    `Brochuren viser de første ${shown} steder; ${leftOut} flere er ikke med, fordi én brochure ikke kan rumme dem. Vælg en bydel for at få dem med.`,
  empty: 'Der er ingen åbne steder her. Vælg en anden bydel, eller se hele byen.',
} as const;

export function brochureTitle(brochure: Pick<Brochure, 'district'>): string {
  return brochure.district ? `Brochure for ${brochure.district.name}` : 'Brochure over hele tilbudsviften';
}

/** One place as the brochure shows it, in plain lines. */
export function placeFacts(offering: Offering, today: string) {
  const status = statusOn(offering.events, today);
  const profile = offering.profile ? profiles[offering.profile].label : null;
  const staffing = offering.staffing ? staffingLabels[offering.staffing] : null;
  const description = offering.description.trim();
  // A sentence or two: the live page has the rest.
  const short = description.length <= 320 ? description : `${description.slice(0, 320).replace(/\s+\S*$/, '')} …`;
  return {
    /** Said only of a place that is closing: the rest are simply open. */
    status: status.state === 'closing' ? describeStatus(status, offering.events, 'da') : null,
    profile: [profile, staffing].filter(Boolean).join(' · ') || null,
    description: short || null,
    address: addressLine(offering, 'da'),
    hours: summariseHours(offering.schedule.rules, 'da')?.replaceAll('\u2060', '') ?? null,
    hoursAreExample: offering.schedule.rules.some((rule) => rule.isExample),
    firstVisit: offering.firstVisit?.trim() || null,
    contact: [offering.phone ? `Telefon ${offering.phone}` : null, offering.email, offering.url].filter(Boolean).join(' · ') || null,
    isExample: offering.isExample,
  };
}

export const placePath = (offering: Offering) => `/tilbud/${encodeURIComponent(offering.slug)}`;
