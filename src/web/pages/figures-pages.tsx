import type { PublicFigures, PublicUse } from '../../app/figures-report.ts';
import { methodLabel } from '../../domain/counting/report.ts';
import { countWords } from '../../domain/counting/tally.ts';
import { formatDate } from '../../domain/time.ts';
import { Alert } from '../components/alert.tsx';
import { BarChart } from '../components/bar-chart.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select } from '../components/form.tsx';
import { DanishText } from '../i18n/danish-text.tsx';
import { hrefIn, intlLocale, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

const monthNames: Record<Locale, string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const methodEnglish: Record<string, string> = { tally: 'tally at the door', 'member-numbers': 'member numbers', 'course-register': 'course register', estimate: 'estimate' };

/** The page's own words, Danish and English (ADR 011). */
const words = {
  da: {
    title: (year: number) => `Tal for brugen af tilbuddene ${year}`,
    intro:
      'Her står de besøgstal, som tilbuddene selv har bekræftet. Et tal kommer først med, når tilbuddets personale eller driftsherre har bekræftet månedens tal. Hvert tal står med, hvordan det er talt.',
    visits: countWords.visitsExplained,
    noNames: 'Besøgende tælles uden navne, og tallene siger intet om, hvem der kom.',
    through: (month: string) => `Tallene gælder til og med ${month}.`,
    yearLabel: 'År',
    show: 'Vis året',
    empty: (year: number) => `Der er endnu ingen besøgstal for ${year}, som tilbuddene har bekræftet.`,
    noMonths: (year: number) => `Ingen måneder i ${year} er slut endnu, så der er ingen tal at vise.`,
    disputesHeading: 'Tal som tilbuddene er uenige i',
    disputesIntro: 'Tilbuddene herunder har gjort indsigelse mod tallet for en måned. Tallet er ikke med, før tilbuddet har bekræftet det.',
    dispute: (month: string, since: string) => `${month}: indsigelse siden ${since}`,
    city: 'Hele byen',
    cityTotal: (visits: string, offerings: number) => `${visits} ${countWords.visits} i ${offerings} tilbud med bekræftede tal.`,
    byDistrict: 'Pr. bydel',
    byOperator: 'Pr. driftsherre',
    byOffering: 'Pr. tilbud',
    district: 'Bydel',
    operator: 'Driftsherre',
    offering: 'Tilbud',
    confirmedVisits: 'Bekræftede besøg',
    offerings: 'Tilbud med tal',
    provenance: 'Sådan er tallet lavet',
    months: 'Måneder',
    noDistrict: 'Uden bydel',
    noOperator: 'Uden driftsherre',
    confirmedMonths: (list: string) => `Bekræftet: ${list}.`,
    unconfirmedMonths: (list: string) => `Ikke bekræftet: ${list}.`,
    method: (methods: string, counted: number, open: number) => `Metode: ${methods}. Talt ${counted} af ${open} dage med åbent efter åbningstiderne.`,
    registered: (people: number, last: string | null) => `Registreret af ${people === 1 ? 'én person' : `${people} personer`} fra tilbuddet${last ? `, senest ${last}` : ''}.`,
    confirmedAt: (date: string) => `Senest bekræftet ${date}.`,
    nothingConfirmed: 'Ingen måneder er bekræftet endnu.',
    chartTitle: (year: number) => `Bekræftede besøg pr. bydel, ${year}`,
    chartDesc: (count: number) => `Søjlediagram med ${count} ${count === 1 ? 'søjle' : 'søjler'}, én pr. bydel. Tallene står i tabellen under diagrammet.`,
    methodWord: (method: string) => methodLabel(method),
  },
  en: {
    title: (year: number) => `Figures on the use of the offerings ${year}`,
    intro:
      'These are the visitor figures the offerings have confirmed themselves. A figure is included only once the offering’s staff or operator has confirmed the month. Each figure says how it was counted.',
    visits: 'Visits: every time a person comes in, also when it is the same person again.',
    noNames: 'Visitors are counted without names, and the figures say nothing about who came.',
    through: (month: string) => `The figures run to the end of ${month}.`,
    yearLabel: 'Year',
    show: 'Show the year',
    empty: (year: number) => `There are no visitor figures for ${year} that the offerings have confirmed yet.`,
    noMonths: (year: number) => `No month of ${year} has ended yet, so there are no figures to show.`,
    disputesHeading: 'Figures the offerings disagree with',
    disputesIntro: 'The offerings below have disputed the figure for a month. It is not included until the offering confirms it.',
    dispute: (month: string, since: string) => `${month}: disputed since ${since}`,
    city: 'The whole city',
    cityTotal: (visits: string, offerings: number) => `${visits} visits in ${offerings} offerings with confirmed figures.`,
    byDistrict: 'By district',
    byOperator: 'By operator',
    byOffering: 'By offering',
    district: 'District',
    operator: 'Operator',
    offering: 'Offering',
    confirmedVisits: 'Confirmed visits',
    offerings: 'Offerings with figures',
    provenance: 'How the figure was made',
    months: 'Months',
    noDistrict: 'No district',
    noOperator: 'No operator',
    confirmedMonths: (list: string) => `Confirmed: ${list}.`,
    unconfirmedMonths: (list: string) => `Not confirmed: ${list}.`,
    method: (methods: string, counted: number, open: number) => `Method: ${methods}. Counted on ${counted} of ${open} days open by the opening hours.`,
    registered: (people: number, last: string | null) => `Registered by ${people === 1 ? 'one person' : `${people} people`} from the offering${last ? `, last on ${last}` : ''}.`,
    confirmedAt: (date: string) => `Last confirmed on ${date}.`,
    nothingConfirmed: 'No month is confirmed yet.',
    chartTitle: (year: number) => `Confirmed visits by district, ${year}`,
    chartDesc: (count: number) => `Bar chart with ${count} ${count === 1 ? 'bar' : 'bars'}, one per district. The numbers are in the table below the chart.`,
    methodWord: (method: string) => methodEnglish[method] ?? method,
  },
} as const;

type Group = { name: string; visits: number; offerings: number };

function groupBy(offerings: readonly PublicUse[], key: (use: PublicUse) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const use of offerings) {
    if (use.confirmedMonths.length === 0) continue;
    const name = key(use);
    const group = groups.get(name) ?? { name, visits: 0, offerings: 0 };
    group.visits += use.confirmedVisits;
    group.offerings += 1;
    groups.set(name, group);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

function GroupTable({ caption, heading, groups, locale }: { caption: string; heading: string; groups: Group[]; locale: Locale }) {
  const w = words[locale];
  const number = new Intl.NumberFormat(intlLocale[locale]);
  return (
    <section class="table--responsive-scroll" tabindex={0} aria-label={caption}>
      <table class="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">{w.confirmedVisits}</th>
            <th scope="col">{w.offerings}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr>
              <th scope="row"><DanishText locale={locale}>{group.name}</DanishText></th>
              <td>{number.format(group.visits)}</td>
              <td>{group.offerings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** /tal and /en/tal (ADR 029): confirmed visitor figures per offering, operator, district and the city, with provenance and open disputes. */
export function PublicFiguresPage({ figures, years, locale, path }: { figures: PublicFigures; years: number[] } & PageLanguage) {
  const w = words[locale];
  const t = messages[locale];
  const number = new Intl.NumberFormat(intlLocale[locale]);
  const monthText = (month: string) => `${monthNames[locale][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
  const monthList = (months: string[]) => months.map((month) => monthNames[locale][Number(month.slice(5, 7)) - 1]).join(', ');
  const dateText = (at: Date) => formatDate(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(at), locale);
  const confirmed = figures.offerings.filter((use) => use.confirmedMonths.length > 0);
  const disputed = figures.offerings.filter((use) => use.disputedMonths.length > 0);
  const districts = groupBy(figures.offerings, (use) => use.district ?? w.noDistrict);
  const operators = groupBy(figures.offerings, (use) => use.operator ?? w.noOperator);
  const cityVisits = confirmed.reduce((sum, use) => sum + use.confirmedVisits, 0);
  const danish = (text: string) => <DanishText locale={locale}>{text}</DanishText>;
  return (
    <Layout title={w.title(figures.year)} locale={locale} path={path}>
      <Breadcrumbs ariaLabel={t.breadcrumbs} items={[{ text: t.allOfferings, href: hrefIn(locale, '/') }, { text: w.title(figures.year) }]} />
      <h1>{w.title(figures.year)}</h1>
      <p>{w.intro}</p>
      <p>
        {w.visits} {w.noNames}
      </p>
      <form method="get" action={hrefIn(locale, '/tal')} class="figures-form">
        <Select id="aar" name="aar" label={w.yearLabel} options={years.map((year) => ({ value: String(year), text: String(year), selected: year === figures.year }))} />
        <Button variant="secondary">{w.show}</Button>
      </form>
      {figures.throughMonth === null ? (
        <p>{w.noMonths(figures.year)}</p>
      ) : (
        <>
          <p>{w.through(monthText(figures.throughMonth))}</p>
          {disputed.length > 0 && (
            <section aria-labelledby="indsigelser">
              <h2 id="indsigelser">{w.disputesHeading}</h2>
              <Alert variant="warning" locale={locale}>
                {w.disputesIntro}
              </Alert>
              <ul>
                {disputed.map((use) => (
                  <li>
                    <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(use.slug)}`)}>{danish(use.name)}</a>:{' '}
                    {use.disputedMonths.map((item) => w.dispute(monthText(item.month), dateText(item.since))).join('; ')}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {confirmed.length === 0 ? (
            <p>{w.empty(figures.year)}</p>
          ) : (
            <>
              <h2>{w.city}</h2>
              <p>{w.cityTotal(number.format(cityVisits), confirmed.length)}</p>
              <h2>{w.byDistrict}</h2>
              <div class="figures-side-by-side">
                <BarChart
                  id="bydele"
                  title={w.chartTitle(figures.year)}
                  description={w.chartDesc(districts.length)}
                  bars={districts.map((group) => ({ label: group.name, value: group.visits, text: number.format(group.visits) }))}
                />
              </div>
              <GroupTable caption={w.chartTitle(figures.year)} heading={w.district} groups={districts} locale={locale} />
              <h2>{w.byOperator}</h2>
              <GroupTable caption={`${w.confirmedVisits}, ${w.byOperator.toLowerCase()}`} heading={w.operator} groups={operators} locale={locale} />
            </>
          )}
          {figures.offerings.length > 0 && (
            <>
              <h2>{w.byOffering}</h2>
              <section class="table--responsive-scroll" tabindex={0} aria-label={`${w.confirmedVisits}, ${w.byOffering.toLowerCase()}`}>
                <table class="table table--compact">
                  <caption>{`${w.confirmedVisits}, ${w.byOffering.toLowerCase()}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{w.offering}</th>
                      <th scope="col">{w.confirmedVisits}</th>
                      <th scope="col">{w.months}</th>
                      <th scope="col">{w.provenance}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.offerings.map((use) => (
                      <tr>
                        <th scope="row">
                          <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(use.slug)}`)}>{danish(use.name)}</a>
                        </th>
                        <td>{use.confirmedMonths.length ? number.format(use.confirmedVisits) : '–'}</td>
                        <td>
                          {use.confirmedMonths.length ? w.confirmedMonths(monthList(use.confirmedMonths)) : w.nothingConfirmed}
                          {use.unconfirmedMonths.length > 0 && ` ${w.unconfirmedMonths(monthList(use.unconfirmedMonths))}`}
                        </td>
                        <td class="figures-provenance">
                          {use.confirmedMonths.length > 0 && (
                            <>
                              {w.method(use.methods.map(w.methodWord).join(', '), use.daysCounted, use.daysOpen)}{' '}
                              {w.registered(use.registeredByCount, use.lastRegisteredAt ? dateText(use.lastRegisteredAt) : null)}{' '}
                              {use.lastConfirmedAt && w.confirmedAt(dateText(use.lastConfirmedAt))}
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </>
          )}
        </>
      )}
    </Layout>
  );
}
