import type { Coordination } from '../../app/get-city-calendar.ts';
import { type Cell, isGap, isPileUp, pileUpThreshold, timeBands } from '../../domain/schedule/coordination.ts';
import { addDays, formatDanishDate } from '../../domain/time.ts';
import { weekdayNames } from '../../domain/vocabulary.ts';
import { finderParams, profileWords } from '../../http/finder-query.ts';
import { finderQueryString } from '../../http/map-link.ts';
import { Alert } from '../components/alert.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import { isoWeekNumber } from './calendar-page.tsx';

const bandLabel = Object.fromEntries(timeBands.map((band) => [band.key, band.label])) as Record<Cell['band'], string>;
const bandShort: Record<Cell['band'], string> = { morning: 'Morgen', afternoon: 'Efterm.', evening: 'Aften', night: 'Nat' };

export function coordinationHref(coordination: Pick<Coordination, 'criteria'>, date: string): string {
  const params = new URLSearchParams(finderQueryString({ ...coordination.criteria, open: null }, null));
  params.set('dato', date);
  return `/kalender/daekning?${params}`;
}

function cellNames(cell: Cell, coordination: Coordination): string {
  return cell.open.map((index) => coordination.places.get(index)!.offering.name).join(', ');
}

/** The sentences under the table: every gap in the day bands and every pile-up, in words. */
function findings(coordination: Coordination): { gaps: { district: string; when: string[] }[]; pileUps: string[] } {
  const gaps: { district: string; when: string[] }[] = [];
  const pileUps: string[] = [];
  for (const row of coordination.rows) {
    const when: string[] = [];
    for (const cell of row.cells) {
      const day = weekdayNames[coordination.week.indexOf(cell.date)]!;
      if (isGap(cell, coordination.places)) when.push(`${day} ${bandLabel[cell.band]}`);
      if (isPileUp(cell)) {
        pileUps.push(`${cell.open.length} steder åbne på samme tid i ${row.district} ${day} ${bandLabel[cell.band]}: ${cellNames(cell, coordination)}.`);
      }
    }
    if (when.length > 0) gaps.push({ district: row.district, when });
  }
  return { gaps, pileUps };
}

/**
 * /kalender/daekning: districts × weekdays × time bands, how many places are open and which, the
 * gaps where no social place is open and the pile-ups; the coming holidays beside it.
 */
export function CoordinationPage({ coordination, notices }: { coordination: Coordination; notices: string[] }) {
  const { week, rows, criteria, facets } = coordination;
  const { gaps, pileUps } = findings(coordination);
  const title = `Dækning i uge ${isoWeekNumber(week[0]!)}`;
  return (
    <Layout title={title}>
      <link rel="stylesheet" href="/static/calendar.css" />
      <Breadcrumbs items={[{ text: 'Alle tilbud', href: '/' }, { text: 'Kalender', href: '/kalender' }, { text: 'Dækning' }]} />
      <h1>{`${title}: hvor og hvornår er der åbent?`}</h1>
      <p class="font-lead">
        {`Hvor mange steder har åbent i hver bydel, ${formatDanishDate(week[0]!)} til ${formatDanishDate(week[6]!)}. Et tal er antallet af steder, der har åbent i mindst en del af tidsrummet.`}
      </p>
      <p>
        Morgen er 06–12, eftermiddag 12–17, aften 17–22 og nat 22–06. <strong>Hul</strong> betyder, at intet socialt sted
        (tryghed og socialt samvær) har åbent. <strong>Mange</strong> betyder {pileUpThreshold} eller flere steder på samme tid.
        Tiderne bygger på eksempeldata, indtil stederne selv har skrevet deres åbningstider.
      </p>
      {notices.length > 0 && (
        <Alert variant="info">
          {notices.map((notice) => (
            <p>{notice}</p>
          ))}
        </Alert>
      )}
      <form method="get" action="/kalender/daekning" class="calendar-filters" aria-label="Vælg steder i dækningen">
        <input type="hidden" name="dato" value={week[0]!} />
        <div class="calendar-filter-fields">
          <Select
            id="profil"
            name={finderParams.profile}
            label="For hvem"
            options={[
              { value: '', text: 'Alle steder' },
              { value: profileWords.social, text: 'Tryghed og socialt samvær', selected: criteria.profile === 'social' },
              { value: profileWords.development, text: 'Aktiviteter og forløb', selected: criteria.profile === 'development' },
            ]}
          />
          <Select
            id="center"
            name={finderParams.centre}
            label="Center"
            options={[
              { value: '', text: 'Alle centre' },
              ...facets.centres.map((centre) => ({ value: centre.slug, text: centre.name, selected: centre.slug === criteria.centreSlug })),
            ]}
          />
        </div>
        <Button>Vis</Button>
      </form>
      <nav aria-label="Vælg uge" class="calendar-nav">
        <ul class="calendar-nav-list">
          <li>
            <a href={coordinationHref(coordination, addDays(week[0]!, -7))}>Forrige uge</a>
          </li>
          <li>
            <a href={coordinationHref(coordination, coordination.today)}>Denne uge</a>
          </li>
          <li>
            <a href={coordinationHref(coordination, addDays(week[0]!, 7))}>Næste uge</a>
          </li>
        </ul>
      </nav>
      {/* The table is wider than a phone: the scrolling box can take focus, so it scrolls with the keyboard. */}
      <section class="table--responsive-scroll coverage-scroll" tabindex={0} aria-label="Dækning pr. bydel, ugedag og tidsrum">
        <table class="table table--compact coverage-table">
          <caption class="align-text-left">{`Antal åbne steder pr. bydel, ugedag og tidsrum, uge ${isoWeekNumber(week[0]!)}`}</caption>
          <thead>
            <tr>
              <td />
              {week.map((date, index) => (
                <th scope="colgroup" colSpan={timeBands.length}>
                  {`${weekdayNames[index]} ${Number(date.slice(8))}/${Number(date.slice(5, 7))}`}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col">Bydel</th>
              {week.flatMap(() =>
                timeBands.map((band) => (
                  <th scope="col">
                    <span aria-hidden="true">{bandShort[band.key]}</span>
                    <span class="sr-only">{band.label}</span>
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">{row.district}</th>
                {row.cells.map((cell) => {
                  const gap = isGap(cell, coordination.places);
                  const many = isPileUp(cell);
                  return (
                    <td class={gap ? 'coverage-gap' : many ? 'coverage-many' : undefined} title={cellNames(cell, coordination) || undefined}>
                      {cell.open.length}
                      {gap && <span class="coverage-flag"> hul</span>}
                      {many && <span class="coverage-flag"> mange</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>Huller: intet socialt sted åbent</h2>
      {gaps.length === 0 ? (
        <p>Der er et socialt sted åbent i hver bydel i alle dagens tidsrum.</p>
      ) : (
        <ul>
          {gaps.map((gap) => (
            <li>
              <strong>{gap.district}</strong>
              {`: ${gap.when.length === 21 ? 'hele ugen' : gap.when.join(', ')}.`}
            </li>
          ))}
        </ul>
      )}
      <h2>Mange steder på samme tid</h2>
      {pileUps.length === 0 ? (
        <p>{`Ingen steder har ${pileUpThreshold} eller flere åbne på samme tid i samme bydel.`}</p>
      ) : (
        <ul>
          {pileUps.map((pileUp) => (
            <li>{pileUp}</li>
          ))}
        </ul>
      )}
      <h2>Helligdage de næste to måneder</h2>
      {coordination.holidays.length === 0 ? (
        <p>Der er ingen helligdage de næste to måneder.</p>
      ) : (
        <section class="table--responsive-scroll" tabindex={0} aria-label="Åbne steder på helligdagene">
          <table class="table table--compact">
            <caption class="align-text-left">Antal steder åbne mellem 06 og 22 på helligdagene</caption>
            <thead>
              <tr>
                <th scope="col">Bydel</th>
                {coordination.holidays.map((item) => (
                  <th scope="col">{`${item.holiday.name} ${formatDanishDate(item.holiday.date)}`}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">{row.district}</th>
                  {coordination.holidays.map((item) => {
                    const open = item.byDistrict.get(row.district) ?? [];
                    return (
                      <td class={open.length === 0 ? 'coverage-gap' : undefined}>
                        {open.length}
                        {open.length > 0 && (
                          <span class="coverage-names">{`: ${open.map((index) => coordination.places.get(index)!.offering.name).join(', ')}`}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {coordination.withoutDistrict.length > 0 && (
        <p>{`Uden bydel og derfor ikke med i tabellen: ${coordination.withoutDistrict.map((offering) => offering.name).join(', ')}.`}</p>
      )}
    </Layout>
  );
}
