import { type OfferingState, type StatusKind, statusKinds } from './status.ts';

/**
 * A status change staff record in the back office: the place is proposed, opens, will close, has
 * closed, is merged into or replaced by another, or moves. What it must hold before it is saved, each
 * problem naming its field in plain Danish.
 */

export type StatusChange = { kind: StatusKind; occursOn: string | null; relatedOfferingId: string | null; note: string };

export type StatusChangeProblem = { field: 'kind' | 'occursOn' | 'relatedOfferingId' | 'note'; message: string };

/** The kinds staff can record; 'active' is the state a place is in, not something that happens. */
export const recordableKinds = statusKinds.filter((kind) => kind !== 'active');

export const statusChangeLabels: Record<StatusKind, string> = {
  proposed: 'Foreslået (ikke besluttet endnu)',
  opens: 'Åbner på en dato',
  active: 'I drift',
  closing: 'Lukker på en dato',
  closed: 'Er lukket',
  merged_into: 'Lægges sammen med et andet tilbud',
  replaced_by: 'Erstattes af et andet tilbud',
  moved: 'Flytter',
};

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function statusChangeProblems(
  change: { kind: string; occursOn: string; relatedOfferingId: string; note: string },
  context: { today: string; offeringId: string; state: OfferingState; knownOfferings: ReadonlySet<string> },
): { change: StatusChange | null; problems: StatusChangeProblem[] } {
  const problems: StatusChangeProblem[] = [];
  const kind = (recordableKinds as readonly string[]).includes(change.kind) ? (change.kind as StatusKind) : null;
  if (!kind) problems.push({ field: 'kind', message: 'Vælg, hvad der sker med tilbuddet.' });
  const date = change.occursOn.trim();
  if (date && !isDate(date)) problems.push({ field: 'occursOn', message: 'Skriv datoen som 24-12-2026, eller vælg den i kalenderen.' });
  const dated = date && isDate(date) ? date : null;
  if (kind === 'closing' || kind === 'opens') {
    if (!dated && !problems.some((item) => item.field === 'occursOn')) {
      problems.push({ field: 'occursOn', message: kind === 'closing' ? 'Skriv den dato, tilbuddet lukker.' : 'Skriv den dato, tilbuddet åbner.' });
    } else if (dated && dated < context.today) {
      problems.push({
        field: 'occursOn',
        message:
          kind === 'closing'
            ? 'Lukkedatoen ligger før i dag. Er tilbuddet allerede lukket, så vælg «Er lukket» og skriv datoen, det lukkede.'
            : 'Åbningsdatoen ligger før i dag. Er tilbuddet allerede åbent, er der intet at registrere.',
      });
    }
  }
  if (kind === 'closed' && dated && dated > context.today) {
    problems.push({ field: 'occursOn', message: 'Datoen ligger efter i dag. Lukker tilbuddet først senere, så vælg «Lukker på en dato».' });
  }
  if (kind === 'closing' && context.state === 'closed') {
    problems.push({ field: 'kind', message: 'Tilbuddet er allerede lukket, så det kan ikke lukke igen.' });
  }
  const related = change.relatedOfferingId.trim() || null;
  if (kind === 'merged_into' || kind === 'replaced_by') {
    if (!related) problems.push({ field: 'relatedOfferingId', message: 'Vælg det tilbud, det lægges sammen med eller erstattes af.' });
    else if (related === context.offeringId) problems.push({ field: 'relatedOfferingId', message: 'Vælg et andet tilbud end dette.' });
    else if (!context.knownOfferings.has(related)) problems.push({ field: 'relatedOfferingId', message: 'Tilbuddet findes ikke. Vælg et på listen.' });
  }
  const note = change.note.trim();
  if (note.length > 1000) problems.push({ field: 'note', message: 'Noten må højst have 1000 tegn.' });
  if (problems.length > 0 || !kind) return { change: null, problems };
  return {
    change: { kind, occursOn: dated, relatedOfferingId: kind === 'merged_into' || kind === 'replaced_by' ? related : null, note },
    problems: [],
  };
}
