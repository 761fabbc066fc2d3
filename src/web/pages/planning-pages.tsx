import type { PlanHours, ScenarioComparisonView, ScenarioSummary } from '../../app/plan-scenarios.ts';
import type { TransitionPlan } from '../../domain/planning/transition.ts';
import type { HearingResponse } from '../../domain/planning/hearing.ts';
import { TransitionPlanView } from '../components/transition-plan.tsx';
import type { Scenario } from '../../domain/planning/scenario.ts';
import { formatDate } from '../../domain/time.ts';
import { assetHref } from '../../http/static-assets.ts';
import { Button, Select } from '../components/form.tsx';
import { ScenarioChangeList } from '../components/scenario-changes.tsx';
import { ScenarioComparison } from '../components/scenario-comparison.tsx';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import type { PublicLetter } from '../../domain/planning/correspondence.ts';
import { PublicLetterTable } from '../components/letter-table.tsx';
import { reportWords } from './committee-report-page.tsx';

export const planningWords = {
  da: {
    listTitle: 'Planlægning af tilbudsviften',
    listIntro:
      'Her er de offentliggjorte scenarier for, hvilke steder der åbner, lægges sammen, flytter eller lukker. Hvert scenarie har en fast adresse, så det kan citeres, og viser før og efter side om side.',
    none: 'Der er ingen offentliggjorte scenarier endnu.',
    published: (date: string) => `Offentliggjort ${date}`,
    startsOn: (date: string) => `Tager udgangspunkt i viften ${date}`,
    changeCount: (count: number) => `${count} ${count === 1 ? 'ændring' : 'ændringer'}`,
    cite: 'Fast adresse til at citere',
    readOnly: 'Scenariet er offentliggjort og kan ikke ændres.',
    changes: 'Ændringerne',
    compare: 'Sammenligning',
    compareWith: 'Sammenlign med',
    compareStart: 'Viften på scenariets startdato',
    compareToday: 'Viften i dag',
    compareButton: 'Vis sammenligningen',
    approximateNote: 'Koordinaterne er sat i hånden på gadeniveau og er omtrentlige; de kan ligge flere hundrede meter ved siden af.',
    beforeStart: (date: string) => `Viften ${date}`,
    today: (date: string) => `Viften i dag, ${date}`,
    back: 'Alle scenarier',
    sources: (refs: string) => `Kilder: bilag ${refs}.`,
    transitions: 'Overgangsplaner for de steder, der lukker',
    hearing: 'Høring',
    hearingOpen: (date: string) => `Scenariet er i høring. Fristen er ${date}.`,
    hearingClosed: (date: string) => `Høringen sluttede ${date}.`,
    responses: (count: number) => `Høringssvar (${count})`,
    noResponses: 'Der er ingen høringssvar endnu.',
    received: (date: string) => `modtaget ${date}`,
    late: 'efter fristen',
    senders: { user_council: 'Brugerråd', operator: 'Driftsherre', citizen: 'Borger', other: 'Andre' },
    privacy: 'Svarene vises som resuméer uden navne og kontaktoplysninger.',
    noTransitions: 'Scenariet lukker ingen steder.',
    letters: (count: number) => `Breve og henvendelser (${count})`,
  },
  en: {
    listTitle: 'Planning the range',
    listIntro:
      'These are the published scenarios for which places open, merge, move or close. Each has a fixed address, so it can be cited, and shows before and after side by side.',
    none: 'No scenarios have been published yet.',
    published: (date: string) => `Published ${date}`,
    startsOn: (date: string) => `Starts from the range on ${date}`,
    changeCount: (count: number) => `${count} ${count === 1 ? 'change' : 'changes'}`,
    cite: 'Fixed address to cite',
    readOnly: 'The scenario is published and cannot be changed.',
    changes: 'The changes',
    compare: 'Comparison',
    compareWith: 'Compare with',
    compareStart: "The range on the scenario's start date",
    compareToday: 'The range today',
    compareButton: 'Show the comparison',
    approximateNote: 'The coordinates were placed by hand at street level and are approximate; they may be several hundred metres off.',
    beforeStart: (date: string) => `The range on ${date}`,
    today: (date: string) => `The range today, ${date}`,
    back: 'All scenarios',
    sources: (refs: string) => `Sources: documents ${refs}.`,
    transitions: 'Transition plans for the places that close',
    hearing: 'Hearing',
    hearingOpen: (date: string) => `The scenario is out for consultation. The deadline is ${date}.`,
    hearingClosed: (date: string) => `The consultation ended ${date}.`,
    responses: (count: number) => `Responses (${count})`,
    noResponses: 'There are no responses yet.',
    received: (date: string) => `received ${date}`,
    late: 'after the deadline',
    senders: { user_council: 'User council', operator: 'Operator', citizen: 'Citizen', other: 'Other' },
    privacy: 'Responses are shown as summaries without names or contact details.',
    noTransitions: 'The scenario closes no places.',
    letters: (count: number) => `Letters and inquiries (${count})`,
  },
} as const;

/** /planlaegning: the published scenarios, newest first. */
export function ScenarioListPage({ scenarios, locale, path }: { scenarios: ScenarioSummary[]; locale: Locale; path: string }) {
  const t = planningWords[locale];
  return (
    <Layout title={t.listTitle} locale={locale} path={path}>
      <h1>{t.listTitle}</h1>
      <p>{t.listIntro}</p>
      {scenarios.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="unstyled-list">
          {scenarios.map((scenario) => (
            <li class="scenario-change">
              <h2 class="h3">
                <a href={hrefIn(locale, `/planlaegning/${scenario.id}`)} lang={danishLang(locale)}>
                  {scenario.title}
                </a>
              </h2>
              <p>
                {scenario.publishedAt && `${t.published(formatDate(scenario.publishedAt.toISOString().slice(0, 10), locale))}. `}
                {t.startsOn(formatDate(scenario.startsOn, locale))}. {t.changeCount(scenario.changeCount)}.
              </p>
              {scenario.summary && <p lang={danishLang(locale)}>{scenario.summary}</p>}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export type ScenarioPageProps = {
  scenario: Scenario;
  view: ScenarioComparisonView;
  names: ReadonlyMap<string, string>;
  /** The other published scenarios to compare with, and what is chosen now ('start', 'idag' or an id). */
  others: { id: string; title: string }[];
  against: string;
  citeUrl: string;
  transitions: { plans: TransitionPlan[]; hours: ReadonlyMap<string, PlanHours> };
  hearing: { deadline: string; responses: HearingResponse[] } | null;
  today: string;
  /** The letters logged about the scenario, without personal data (ADR 035). */
  letters: PublicLetter[];
  locale: Locale;
  path: string;
};

/** /planlaegning/{id}: one published scenario, read-only and citable, with its comparison. */
export function ScenarioPage(props: ScenarioPageProps) {
  const { scenario, locale } = props;
  const t = planningWords[locale];
  return (
    <Layout title={scenario.title} locale={locale} path={props.path}>
      <link rel="stylesheet" href={assetHref('/static/range-map.css')} />
      <link rel="stylesheet" href={assetHref('/static/planning.css')} />
      <p>
        <a href={hrefIn(locale, '/planlaegning')}>{t.back}</a>
      </p>
      <h1 lang={danishLang(locale)}>{scenario.title}</h1>
      <p>
        {scenario.publishedAt && `${t.published(formatDate(scenario.publishedAt.toISOString().slice(0, 10), locale))}. `}
        {t.startsOn(formatDate(scenario.startsOn, locale))}. {t.readOnly}
      </p>
      <p>
        {t.cite}:{' '}
        <a class="scenario-cite" href={props.citeUrl}>
          {props.citeUrl}
        </a>
      </p>
      {scenario.summary && <p lang={danishLang(locale)}>{scenario.summary}</p>}
      {scenario.seedRefs.length > 0 && <p>{t.sources(scenario.seedRefs.join(', '))}</p>}
      <p>
        <a href={hrefIn(locale, `/planlaegning/${scenario.id}/rapport`)}>{reportWords[locale].link}</a>
      </p>
      {props.hearing && (
        <>
          <h2>{t.hearing}</h2>
          <p>{props.hearing.deadline >= props.today ? t.hearingOpen(formatDate(props.hearing.deadline, locale)) : t.hearingClosed(formatDate(props.hearing.deadline, locale))}</p>
          <p>{t.privacy}</p>
          <h3>{t.responses(props.hearing.responses.length)}</h3>
          {props.hearing.responses.length === 0 && <p>{t.noResponses}</p>}
          <ol class="unstyled-list">
            {props.hearing.responses.map((response) => (
              <li class="scenario-change">
                <p>
                  <strong>
                    {t.senders[response.senderKind]}
                    {response.organisation && (
                      <>
                        : <span lang={danishLang(locale)}>{response.organisation}</span>
                      </>
                    )}
                  </strong>
                  , {t.received(formatDate(response.receivedOn, locale))}
                  {response.receivedOn > props.hearing!.deadline && ` (${t.late})`}.
                </p>
                <p lang={danishLang(locale)}>{response.summary}</p>
              </li>
            ))}
          </ol>
        </>
      )}
      <h2 id="scenario-letters">{t.letters(props.letters.length)}</h2>
      <PublicLetterTable letters={props.letters} locale={locale} id="scenario-letters-caption" />
      <h2>{t.changes}</h2>
      <ScenarioChangeList changes={scenario.changes} names={props.names} locale={locale} />
      <h2>{t.compare}</h2>
      <form method="get" action={hrefIn(locale, `/planlaegning/${scenario.id}`)}>
        <Select
          id="sammenlign"
          name="sammenlign"
          label={t.compareWith}
          options={[
            { value: 'start', text: t.compareStart, selected: props.against === 'start' },
            { value: 'idag', text: t.compareToday, selected: props.against === 'idag' },
            ...props.others.map((other) => ({ value: other.id, text: other.title, selected: props.against === other.id, lang: danishLang(locale) })),
          ]}
        />
        <Button variant="secondary">{t.compareButton}</Button>
      </form>
      <p>{t.approximateNote}</p>
      <ScenarioComparison before={props.view.before} after={props.view.after} comparison={props.view.comparison} changes={scenario.changes} locale={locale} labels={props.view.labels} coverage={props.view.coverage} coverageLeftOut={props.view.coverageLeftOut} />
      <h2>{t.transitions}</h2>
      {props.transitions.plans.length === 0 && <p>{t.noTransitions}</p>}
      {props.transitions.plans.map((plan) => (
        <TransitionPlanView plan={plan} hours={props.transitions.hours} locale={locale} />
      ))}
    </Layout>
  );
}
