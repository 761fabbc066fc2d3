import type { PlanHours } from '../../app/plan-scenarios.ts';
import type { TransitionPlan } from '../../domain/planning/transition.ts';
import { formatDate } from '../../domain/time.ts';
import { type TargetGroup, vocabulary } from '../../domain/vocabulary.ts';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale } from '../i18n/index.ts';
import { ExampleDataBadge } from './badge.tsx';
import { summariseHours } from './hours-summary.tsx';

const words = {
  da: {
    closes: (date: string) => `Lukker ${date}.`,
    reduced: (date: string, hours: string) => `Fra ${date} har stedet færre timer: ${hours}`,
    noReduced: 'Der er ikke planlagt en periode med færre timer.',
    helpers: 'Hjælp til at finde et nyt sted',
    noHelpers: 'Det er endnu ikke beskrevet, hvem der hjælper brugerne videre.',
    allUsers: 'Alle stedets brugere',
    forGroup: (group: string) => `For ${group.toLowerCase()}`,
    none: 'Der er ikke fundet et andet åbent sted, der passer.',
    successor: 'brugerne henvises hertil',
    km: (km: string) => `${km} km væk`,
    noDistance: 'afstand ukendt (ingen adresse)',
    sameDistrict: 'samme bydel',
    hours: 'Åbent',
    hoursNone: 'åbningstider ikke fastlagt',
    hoursPerWeek: (hours: number) => `${hours} timer om ugen`,
    approximate: 'Afstande er i luftlinje mellem omtrentlige placeringer.',
  },
  en: {
    closes: (date: string) => `Closes ${date}.`,
    reduced: (date: string, hours: string) => `From ${date} the place has fewer hours: ${hours}`,
    noReduced: 'No period with fewer hours is planned.',
    helpers: 'Help to find a new place',
    noHelpers: 'Who helps the users move on has not been described yet.',
    allUsers: 'All of its users',
    forGroup: (group: string) => `For ${group.toLowerCase()}`,
    none: 'No other open place that fits has been found.',
    successor: 'users are referred here',
    km: (km: string) => `${km} km away`,
    noDistance: 'distance unknown (no address)',
    sameDistrict: 'same district',
    hours: 'Open',
    hoursNone: 'hours not settled',
    hoursPerWeek: (hours: number) => `${hours} hours a week`,
    approximate: 'Distances are straight lines between approximate locations.',
  },
} as const;

function HoursText({ hours, locale }: { hours: PlanHours | undefined; locale: Locale }) {
  const t = words[locale];
  if (!hours || hours.kind === 'none') return <>{t.hoursNone}</>;
  if (hours.kind === 'scenario') {
    return (
      <>
        {hours.perWeek !== null && `${t.hoursPerWeek(hours.perWeek)}: `}
        <span lang={danishLang(locale)}>{hours.note}</span>
      </>
    );
  }
  return (
    <>
      {t.hours.toLowerCase()} {summariseHours(hours.rules, locale)}
      {hours.rules.some((rule) => rule.isExample) && (
        <>
          {' '}
          <ExampleDataBadge locale={locale} />
        </>
      )}
    </>
  );
}

/** One closing place's transition plan: the date, reduced hours, who helps, and the nearest places per group of users. */
export function TransitionPlanView({ plan, hours, locale, headingLevel = 3, showName = true }: { plan: TransitionPlan; hours: ReadonlyMap<string, PlanHours>; locale: Locale; headingLevel?: 3 | 4; showName?: boolean }) {
  const t = words[locale];
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  // Without the name, the groups' headings take the name's level, so no level is skipped.
  const SubHeading = showName ? (headingLevel === 3 ? 'h4' : 'h5') : Heading;
  const groupNames = vocabulary[locale].targetGroups;
  const number = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div class="scenario-change">
      {showName && <Heading lang={danishLang(locale)}>{plan.place.name}</Heading>}
      <p>
        {t.closes(formatDate(plan.closesOn, locale))}{' '}
        {plan.input?.reducedFrom ? (
          <>
            {t.reduced(formatDate(plan.input.reducedFrom, locale), '')}
            <span lang={danishLang(locale)}>{plan.input.reducedHours}</span>.
          </>
        ) : (
          t.noReduced
        )}
      </p>
      <p>
        <strong>{t.helpers}:</strong> {plan.input?.helpers ? <span lang={danishLang(locale)}>{plan.input.helpers}</span> : t.noHelpers}
      </p>
      {plan.groups.map((group) => (
        <>
          <SubHeading>{group.group ? t.forGroup(groupNames[group.group as TargetGroup] ?? group.group) : t.allUsers}</SubHeading>
          {group.alternatives.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ul>
              {group.alternatives.map((item) => (
                <li>
                  {item.place.slug ? (
                    <a href={hrefIn(locale, `/tilbud/${item.place.slug}`)} lang={danishLang(locale)}>
                      {item.place.name}
                    </a>
                  ) : (
                    <span lang={danishLang(locale)}>{item.place.name}</span>
                  )}
                  {item.isSuccessor && ` (${t.successor})`}: {item.km === null ? t.noDistance : t.km(number.format(item.km))}
                  {item.isSameDistrict && `, ${t.sameDistrict}`}; <HoursText hours={hours.get(item.place.offeringId)} locale={locale} />.
                </li>
              ))}
            </ul>
          )}
        </>
      ))}
      <p class="form-hint">{t.approximate}</p>
    </div>
  );
}
