import type { StatusEvent, StatusOnDate } from './status.ts';
import { formatDanishDate } from './time.ts';

/**
 * One plain Danish sentence about an offering's status, for pages and the open-data alert.
 * Returns null for an offering that is simply open.
 */
export function describeStatus(
  status: StatusOnDate,
  events: readonly (StatusEvent & { relatedOfferingName: string | null })[],
): string | null {
  const planned = status.planned;
  const related = planned?.relatedOfferingId
    ? events.find((event) => event.relatedOfferingId === planned.relatedOfferingId)?.relatedOfferingName
    : null;
  switch (status.state) {
    case 'active':
      return null;
    case 'unknown':
      return 'Status er ukendt.';
    case 'proposed':
      return planned?.kind === 'opens' && planned.on
        ? `Foreslået tilbud, der åbner den ${formatDanishDate(planned.on)}.`
        : 'Foreslået tilbud: det er endnu ikke åbnet.';
    case 'closed':
      return status.since ? `Lukket den ${formatDanishDate(status.since)}.` : 'Lukket.';
    case 'closing': {
      const when = planned?.on ? `den ${formatDanishDate(planned.on)}` : 'på en dato, der ikke er fastsat endnu';
      if (planned?.kind === 'merged_into' && related) return `Lukker ${when} og lægges sammen med ${related}.`;
      if (planned?.kind === 'replaced_by' && related) return `Lukker ${when} og erstattes af ${related}.`;
      return `Lukker ${when}.`;
    }
  }
}
