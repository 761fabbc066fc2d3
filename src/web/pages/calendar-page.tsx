import type { CityCalendar } from '../../app/get-city-calendar.ts';
import type { FinderCriteria } from '../../domain/finder.ts';
import { activityKindLabels, describeActivityPlace, staffLabel } from '../../domain/schedule/schedule-text.ts';
import { addDays, cityTimeZone, formatDanishDate, weekOf } from '../../domain/time.ts';
import { finderOptions, finderParams, profileWords, staffingWords } from '../../http/finder-query.ts';
import { finderQueryString } from '../../http/map-link.ts';
import { Alert } from '../components/alert.tsx';
import { Badge, ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

const clock = new Intl.DateTimeFormat('da-DK', { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' });
const hhmm = (instant: number) => clock.format(instant).replace('.', ':');
const span = (from: number, to: number) => `${hhmm(from)}\u2060–\u2060${hhmm(to) === '00:00' ? '24:00' : hhmm(to)}`;
const weekdayLong = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', weekday: 'long' });
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
const dayHeading = (date: string) => `${capitalise(weekdayLong.format(new Date(`${date}T00:00:00Z`)))} ${formatDanishDate(date)}`;

/** ISO week number, as Danish calendars count weeks. */
export function isoWeekNumber(date: string): number {
  const thursday = addDays(weekOf(date)[0]!, 3);
  const yearStart = Date.UTC(Number(thursday.slice(0, 4)), 0, 1);
  return Math.floor((Date.parse(`${thursday}T00:00:00Z`) - yearStart) / 86_400_000 / 7) + 1;
}

/** The calendar's own URL words on top of the finder's: which day (`dato`) and which view (`visning`). */
export const calendarParams = { date: 'dato', view: 'visning' } as const;

export function calendarHref(criteria: FinderCriteria, date: string, view: 'dag' | 'uge'): string {
  const finder = finderQueryString({ ...criteria, open: null }, null);
  const params = new URLSearchParams(finder);
  params.set(calendarParams.date, date);
  params.set(calendarParams.view, view);
  return `/kalender?${params}`;
}

export function calendarTitle(calendar: Pick<CityCalendar, 'view' | 'from'>): string {
  return calendar.view === 'uge'
    ? `Uge ${isoWeekNumber(calendar.from)}, ${formatDanishDate(calendar.from)} til ${formatDanishDate(addDays(calendar.from, 6))}`
    : dayHeading(calendar.from);
}

function CalendarFilters({ calendar }: { calendar: CityCalendar }) {
  const { criteria, facets } = calendar;
  return (
    <form method="get" action="/kalender" class="calendar-filters" aria-label="Vælg steder i kalenderen">
      <input type="hidden" name={calendarParams.date} value={calendar.from} />
      <input type="hidden" name={calendarParams.view} value={calendar.view} />
      <div class="calendar-filter-fields">
        <Select
          id="bydel"
          name={finderParams.district}
          label="Bydel"
          options={[
            { value: '', text: 'Hele byen' },
            ...facets.districts.map((district) => ({
              value: district.slug,
              text: district.name,
              selected: district.slug === criteria.districtSlug,
            })),
          ]}
        />
        <Select
          id="profil"
          name={finderParams.profile}
          label="Hvad har du brug for?"
          options={[
            { value: '', text: 'Vis alle' },
            ...finderOptions.profiles.map((option) => ({
              value: profileWords[option.code],
              text: option.label,
              selected: criteria.profile === option.code,
            })),
          ]}
        />
        <Select
          id="bemanding"
          name={finderParams.staffing}
          label="Personale"
          options={[
            { value: '', text: 'Det er lige meget' },
            { value: staffingWords.staff, text: 'Personale til stede', selected: criteria.staffing === 'staff' },
            { value: staffingWords.user_run, text: 'Brugerstyret', selected: criteria.staffing === 'user_run' },
          ]}
        />
      </div>
      <Button>Vis</Button>
    </form>
  );
}

function Day({
  day,
  calendar,
  headingLevel,
}: {
  day: CityCalendar['days'][number];
  calendar: CityCalendar & { allExample: boolean };
  headingLevel: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const id = `dag-${day.date}`;
  return (
    <section aria-labelledby={id} class="calendar-day">
      <Heading id={id}>
        {dayHeading(day.date)}
        {day.date === calendar.today && (
          <>
            {' '}
            <Badge variant="info">i dag</Badge>
          </>
        )}
        {day.holiday && (
          <>
            {' '}
            <Badge>{day.holiday.name}</Badge>
          </>
        )}
      </Heading>
      <Sub>{`Åbne steder (${day.open.length})`}</Sub>
      {day.open.length === 0 ? (
        <p>Ingen af de valgte steder har åbent.</p>
      ) : (
        <ul class="calendar-list">
          {day.open.map(({ offering, periods }) => (
            <li>
              <a href={`/tilbud/${encodeURIComponent(offering.slug)}`}>{offering.name}</a>
              {`: ${periods.map((period) => `${span(period.start, period.end)}${period.isUserRun ? ` (${staffLabel(period).toLocaleLowerCase('da')})` : ''}`).join(' og ')}`}
              {!calendar.allExample && offering.schedule.rules.some((rule) => rule.isExample) && (
                <>
                  {' '}
                  <ExampleDataBadge />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Sub>{`Aktiviteter (${day.activities.length})`}</Sub>
      {day.activities.length === 0 ? (
        <p>Ingen aktiviteter.</p>
      ) : (
        <ul class="calendar-list">
          {day.activities.map((item) => {
            const where = describeActivityPlace(item.activity);
            return (
              <li>
                <strong>{`${item.activity.endsAt ? span(item.start, item.end) : hhmm(item.start)} ${item.activity.name}`}</strong>
                {!calendar.allExample && item.activity.isExample && (
                  <>
                    {' '}
                    <ExampleDataBadge />
                  </>
                )}
                {' · '}
                {activityKindLabels[item.activity.kind]}
                {' · '}
                <a href={`/tilbud/${encodeURIComponent(item.offering.slug)}`}>{item.offering.name}</a>
                {where ? ` · Sted: ${where}` : ''}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** /kalender: every opening period and activity of the (filtered) range on a day or in a week. */
export function CalendarPage({ calendar, notices }: { calendar: CityCalendar; notices: string[] }) {
  const { criteria, view, from } = calendar;
  const step = view === 'uge' ? 7 : 1;
  const unit = view === 'uge' ? 'uge' : 'dag';
  const feed = `/kalender.ics`;
  const shown = calendar.days.flatMap((day) => [
    ...day.open.flatMap((item) => item.offering.schedule.rules),
    ...day.activities.map((item) => item.activity),
  ]);
  const allExample = shown.length > 0 && shown.every((item) => item.isExample);
  return (
    <Layout
      title={`Kalender: ${calendarTitle(calendar)}`}
      alternates={[{ type: 'text/calendar', href: feed, title: 'Alle steders åbningstider og aktiviteter' }]}
    >
      <link rel="stylesheet" href="/static/calendar.css" />
      <Breadcrumbs items={[{ text: 'Alle tilbud', href: '/' }, { text: 'Kalender' }]} />
      <h1>
        <span class="calendar-kicker">Kalender</span> {calendarTitle(calendar)}
      </h1>
      <p class="font-lead">Hvornår har stederne åbent, og hvad sker der? Alle steder i byen, ét sted.</p>
      {notices.length > 0 && (
        <Alert variant="info">
          {notices.map((notice) => (
            <p>{notice}</p>
          ))}
        </Alert>
      )}
      <nav aria-label="Vælg dag eller uge" class="calendar-nav">
        <ul class="calendar-nav-list">
          <li>
            <a href={calendarHref(criteria, addDays(from, -step), view)}>{`Forrige ${unit}`}</a>
          </li>
          <li>
            <a href={calendarHref(criteria, calendar.today, view)}>{view === 'uge' ? 'Denne uge' : 'I dag'}</a>
          </li>
          <li>
            <a href={calendarHref(criteria, addDays(from, step), view)}>{`Næste ${unit}`}</a>
          </li>
          <li>
            <a
              href={calendarHref(criteria, view === 'uge' && calendar.today >= from && calendar.today <= calendar.to ? calendar.today : from, 'dag')}
              aria-current={view === 'dag' ? 'page' : undefined}
            >
              Vis én dag
            </a>
          </li>
          <li>
            <a href={calendarHref(criteria, from, 'uge')} aria-current={view === 'uge' ? 'page' : undefined}>
              Vis hele ugen
            </a>
          </li>
        </ul>
      </nav>
      <CalendarFilters calendar={calendar} />
      <p class="calendar-count">{`${calendar.placeCount} ${calendar.placeCount === 1 ? 'sted' : 'steder'} passer til valget.`}</p>
      {allExample ? (
        <p data-example="kalender">
          <ExampleDataBadge /> Alle tider og aktiviteter her er opdigtede eksempler, ikke stedernes rigtige tider.
        </p>
      ) : (
        <p>Tider markeret «eksempeldata» er opdigtede eksempler, ikke stedernes rigtige tider.</p>
      )}
      {calendar.days.map((day) => (
        <Day day={day} calendar={{ ...calendar, allExample }} headingLevel={2} />
      ))}
      <p class="calendar-tools">
        <a href={feed} type="text/calendar">
          Abonnér på kalenderen
        </a>{' '}
        (alle steder, i din egen kalender) · <a href="/kalender/daekning">Se dækningen: hvor og hvornår er der åbent?</a>
      </p>
    </Layout>
  );
}
