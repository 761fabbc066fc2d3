import type { Child } from 'hono/jsx';
import type { ScenarioChange } from '../../domain/planning/scenario.ts';
import { formatDate } from '../../domain/time.ts';
import { danishLang } from '../i18n/danish-text.tsx';
import type { Locale } from '../i18n/index.ts';
import { profileLabel } from './range-map.tsx';

const words = {
  da: {
    kinds: { close: 'Lukning', merge: 'Sammenlægning', open: 'Nyt sted', move: 'Flytning', profile: 'Ny profil', hours: 'Nye åbningstider' },
    from: 'fra',
    into: 'lægges sammen i',
    goesTo: 'brugerne henvises til',
    movesTo: 'flytter til',
    profileTo: 'får profilen',
    hoursPerWeek: (hours: number) => `${hours} timer om ugen`,
    noAddress: 'adressen er ikke fastlagt',
    rationale: 'Begrundelse',
    budget: (amount: string, appropriation: string, year: number, level: string) => `Budget: ${amount} (1.000 kr.) om året på bevilling ${appropriation} fra ${year}, ${level}-priser.`,
    none: 'Scenariet har ingen ændringer endnu.',
  },
  en: {
    kinds: { close: 'Closing', merge: 'Merger', open: 'New place', move: 'Move', profile: 'New profile', hours: 'New opening hours' },
    from: 'from',
    into: 'merge into',
    goesTo: 'users are referred to',
    movesTo: 'moves to',
    profileTo: 'gets the profile',
    hoursPerWeek: (hours: number) => `${hours} hours a week`,
    noAddress: 'the address is not settled',
    rationale: 'Rationale',
    budget: (amount: string, appropriation: string, year: number, level: string) => `Budget: ${amount} (1,000 DKK) a year on appropriation ${appropriation} from ${year}, ${level} prices.`,
    none: 'The scenario has no changes yet.',
  },
} as const;

/** What one change does, in a sentence: the places by name (Danish), the new house, the date. */
export function describeChange(change: ScenarioChange, names: ReadonlyMap<string, string>, locale: Locale): Child {
  const t = words[locale];
  const name = (id: string) => <span lang={danishLang(locale)}>{names.get(id) ?? id}</span>;
  switch (change.kind) {
    case 'close':
      return (
        <>
          {name(change.offeringId)}
          {change.successorId && (
            <>
              ; {t.goesTo} {name(change.successorId)}
            </>
          )}
        </>
      );
    case 'merge':
      return (
        <>
          {change.offeringIds.map((id, index) => (
            <>
              {index > 0 && ', '}
              {name(id)}
            </>
          ))}{' '}
          {t.into} <span lang={danishLang(locale)}>{change.into.name}</span>
          {change.into.address ? (
            <>
              {' '}
              (<span lang={danishLang(locale)}>{change.into.address}</span>)
            </>
          ) : (
            ` (${t.noAddress})`
          )}
        </>
      );
    case 'open':
      return (
        <>
          <span lang={danishLang(locale)}>{change.house.name}</span>
          {change.house.address ? (
            <>
              , <span lang={danishLang(locale)}>{change.house.address}</span>
            </>
          ) : (
            ` (${t.noAddress})`
          )}
          {change.house.profile && `, ${profileLabel(change.house.profile, locale).toLowerCase()}`}
        </>
      );
    case 'move':
      return (
        <>
          {name(change.offeringId)} {t.movesTo} <span lang={danishLang(locale)}>{change.address}</span>
        </>
      );
    case 'profile':
      return (
        <>
          {name(change.offeringId)} {t.profileTo} »{profileLabel(change.profile, locale).toLowerCase()}«
        </>
      );
    case 'hours':
      return (
        <>
          {name(change.offeringId)}: {change.perWeek !== null && `${t.hoursPerWeek(change.perWeek)}. `}
          <span lang={danishLang(locale)}>{change.note}</span>
        </>
      );
  }
}

/** Every change of a scenario in the order they take effect, each with its rationale and budget effect. */
export function ScenarioChangeList({
  changes,
  names,
  locale,
  action,
}: {
  changes: readonly ScenarioChange[];
  names: ReadonlyMap<string, string>;
  locale: Locale;
  /** A form or link beside each change (the back office's "remove"). */
  action?: (change: ScenarioChange) => Child;
}) {
  const t = words[locale];
  if (changes.length === 0) return <p>{t.none}</p>;
  const ordered = [...changes].sort((a, b) => a.on.localeCompare(b.on));
  return (
    <ol class="unstyled-list">
      {ordered.map((change) => (
        <li class="scenario-change" id={`aendring-${change.id}`}>
          <p>
            <strong>
              {t.kinds[change.kind]} {formatDate(change.on, locale)}:
            </strong>{' '}
            {describeChange(change, names, locale)}.
          </p>
          <p>
            {t.rationale}: <span lang={danishLang(locale)}>{change.rationale}</span>
          </p>
          {change.budget && (
            <p>
              {t.budget(
                new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB').format(change.budget.amountPerYear),
                change.budget.appropriation,
                change.budget.fromYear,
                change.budget.priceLevel,
              )}
            </p>
          )}
          {action?.(change)}
        </li>
      ))}
    </ol>
  );
}
