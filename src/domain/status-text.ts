import type { Locale } from './locale.ts';
import type { StatusEvent, StatusOnDate } from './status.ts';
import { formatDate } from './time.ts';

type StatusWords = {
  unknown: string;
  proposedOpens: (date: string) => string;
  proposed: string;
  closedOn: (date: string) => string;
  closed: string;
  closingOn: (date: string) => string;
  closingUndated: string;
  mergedInto: (when: string, related: string) => string;
  replacedBy: (when: string, related: string) => string;
  closing: (when: string) => string;
};

const words: Record<Locale, StatusWords> = {
  da: {
    unknown: 'Status er ukendt.',
    proposedOpens: (date) => `Foreslået tilbud, der åbner den ${date}.`,
    proposed: 'Foreslået tilbud: det er endnu ikke åbnet.',
    closedOn: (date) => `Lukket den ${date}.`,
    closed: 'Lukket.',
    closingOn: (date) => `den ${date}`,
    closingUndated: 'på en dato, der ikke er fastsat endnu',
    mergedInto: (when, related) => `Lukker ${when} og lægges sammen med ${related}.`,
    replacedBy: (when, related) => `Lukker ${when} og erstattes af ${related}.`,
    closing: (when) => `Lukker ${when}.`,
  },
  en: {
    unknown: 'Status unknown.',
    proposedOpens: (date) => `Proposed place that opens on ${date}.`,
    proposed: 'Proposed place: it has not opened yet.',
    closedOn: (date) => `Closed on ${date}.`,
    closed: 'Closed.',
    closingOn: (date) => `on ${date}`,
    closingUndated: 'on a date not yet decided',
    mergedInto: (when, related) => `Closes ${when} and merges with ${related}.`,
    replacedBy: (when, related) => `Closes ${when} and is replaced by ${related}.`,
    closing: (when) => `Closes ${when}.`,
  },
};

/**
 * One plain sentence about an offering's status, for pages and the open-data alert (in Danish unless
 * told otherwise). Returns null for an offering that is simply open.
 */
export function describeStatus(
  status: StatusOnDate,
  events: readonly (StatusEvent & { relatedOfferingName: string | null })[],
  locale: Locale = 'da',
): string | null {
  const say = words[locale];
  const planned = status.planned;
  const related = planned?.relatedOfferingId
    ? events.find((event) => event.relatedOfferingId === planned.relatedOfferingId)?.relatedOfferingName
    : null;
  switch (status.state) {
    case 'active':
      return null;
    case 'unknown':
      return say.unknown;
    case 'proposed':
      return planned?.kind === 'opens' && planned.on ? say.proposedOpens(formatDate(planned.on, locale)) : say.proposed;
    case 'closed':
      return status.since ? say.closedOn(formatDate(status.since, locale)) : say.closed;
    case 'closing': {
      const when = planned?.on ? say.closingOn(formatDate(planned.on, locale)) : say.closingUndated;
      if (planned?.kind === 'merged_into' && related) return say.mergedInto(when, related);
      if (planned?.kind === 'replaced_by' && related) return say.replacedBy(when, related);
      return say.closing(when);
    }
  }
}
