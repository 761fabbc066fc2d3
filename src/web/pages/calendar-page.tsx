import { CalendarPeerMeetings } from '../components/peer-meetings.tsx';
import type { CityCalendar } from '../../app/get-city-calendar.ts';
import { weekPeriod } from '../../app/get-programme.ts';
import type { FinderCriteria } from '../../domain/finder.ts';
import { capitalise, intlLocale } from '../../domain/locale.ts';
import { holidayName } from '../../domain/schedule/holidays.ts';
import { activityKindLabel, describeActivityPlace, staffLabel } from '../../domain/schedule/schedule-text.ts';
import { addDays, cityTimeZone, formatDate, weekOf } from '../../domain/time.ts';
import { vocabulary } from '../../domain/vocabulary.ts';
import { finderOptions, finderParams, profileWords, staffingWords } from '../../http/finder-query.ts';
import { finderQueryString } from '../../http/map-link.ts';
import { Alert } from '../components/alert.tsx';
import { Badge, ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select } from '../components/form.tsx';
import { DanishText, danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import { programmeHref } from './programme-page.tsx';
import { assetHref } from '../../http/static-assets.ts';

const clock = new Intl.DateTimeFormat('da-DK', { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' });
const hhmm = (instant: number) => clock.format(instant).replace('.', ':');
const span = (from: number, to: number) => `${hhmm(from)}\u2060–\u2060${hhmm(to) === '00:00' ? '24:00' : hhmm(to)}`;
const weekdayLong: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat(intlLocale.da, { timeZone: 'UTC', weekday: 'long' }),
  en: new Intl.DateTimeFormat(intlLocale.en, { timeZone: 'UTC', weekday: 'long' }),
};
const dayHeading = (date: string, locale: Locale) =>
  `${capitalise(weekdayLong[locale].format(new Date(`${date}T00:00:00Z`)), locale)} ${formatDate(date, locale)}`;

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

export function calendarTitle(calendar: Pick<CityCalendar, 'view' | 'from'>, locale: Locale = 'da'): string {
  return calendar.view === 'uge'
    ? messages[locale].calendar.week(
        isoWeekNumber(calendar.from),
        formatDate(calendar.from, locale),
        formatDate(addDays(calendar.from, 6), locale),
      )
    : dayHeading(calendar.from, locale);
}

function CalendarFilters({ calendar, locale }: { calendar: CityCalendar; locale: Locale }) {
  const t = messages[locale];
  const { criteria, facets } = calendar;
  return (
    <form method="get" action={hrefIn(locale, '/kalender')} class="calendar-filters" aria-label={t.calendar.filtersLabel}>
      <input type="hidden" name={calendarParams.date} value={calendar.from} />
      <input type="hidden" name={calendarParams.view} value={calendar.view} />
      <div class="calendar-filter-fields">
        <Select
          id="bydel"
          name={finderParams.district}
          label={t.finder.district}
          options={[
            { value: '', text: t.finder.wholeCity },
            ...facets.districts.map((district) => ({
              value: district.slug,
              text: district.name,
              selected: district.slug === criteria.districtSlug,
              lang: danishLang(locale),
            })),
          ]}
        />
        <Select
          id="profil"
          name={finderParams.profile}
          label={t.finder.need}
          options={[
            { value: '', text: t.finder.showAll },
            ...finderOptions.profiles.map((option) => ({
              value: profileWords[option.code],
              text: vocabulary[locale].profiles[option.code].label,
              selected: criteria.profile === option.code,
            })),
          ]}
        />
        <Select
          id="bemanding"
          name={finderParams.staffing}
          label={t.finder.staff}
          options={[
            { value: '', text: t.finder.noPreference },
            { value: staffingWords.staff, text: t.calendar.staffPresent, selected: criteria.staffing === 'staff' },
            { value: staffingWords.user_run, text: t.finder.userRun, selected: criteria.staffing === 'user_run' },
          ]}
        />
      </div>
      <Button>{t.calendar.show}</Button>
    </form>
  );
}

function Day({
  day,
  calendar,
  headingLevel,
  locale,
}: {
  day: CityCalendar['days'][number];
  calendar: CityCalendar & { allExample: boolean };
  headingLevel: 2 | 3;
  locale: Locale;
}) {
  const t = messages[locale].calendar;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const id = `dag-${day.date}`;
  return (
    <section aria-labelledby={id} class="calendar-day">
      <Heading id={id}>
        {dayHeading(day.date, locale)}
        {day.date === calendar.today && (
          <>
            {' '}
            <Badge variant="info">{messages[locale].todayBadge}</Badge>
          </>
        )}
        {day.holiday && (
          <>
            {' '}
            <Badge>{holidayName(day.holiday.key, locale)}</Badge>
          </>
        )}
      </Heading>
      <Sub>{t.openPlaces(day.open.length)}</Sub>
      {day.open.length === 0 ? (
        <p>{t.noneOpen}</p>
      ) : (
        <ul class="calendar-list">
          {day.open.map(({ offering, periods }) => (
            <li>
              <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(offering.slug)}`)} lang={danishLang(locale)}>
                {offering.name}
              </a>
              {`: ${periods.map((period) => `${span(period.start, period.end)}${period.isUserRun ? ` (${staffLabel(period, locale).toLocaleLowerCase(locale)})` : ''}`).join(t.and)}`}
              {!calendar.allExample && offering.schedule.rules.some((rule) => rule.isExample) && (
                <>
                  {' '}
                  <ExampleDataBadge locale={locale} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Sub>{t.activities(day.activities.length)}</Sub>
      {day.activities.length === 0 ? (
        <p>{t.noActivities}</p>
      ) : (
        <ul class="calendar-list">
          {day.activities.map((item) => {
            const where = describeActivityPlace(item.activity);
            return (
              <li>
                <strong>
                  {`${item.activity.endsAt ? span(item.start, item.end) : hhmm(item.start)} `}
                  <DanishText locale={locale}>{item.activity.name}</DanishText>
                </strong>
                {!calendar.allExample && item.activity.isExample && (
                  <>
                    {' '}
                    <ExampleDataBadge locale={locale} />
                  </>
                )}
                {' · '}
                {activityKindLabel(item.activity.kind, locale)}
                {' · '}
                <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(item.offering.slug)}`)} lang={danishLang(locale)}>
                  {item.offering.name}
                </a>
                {where ? (
                  <>
                    {t.place}
                    <DanishText locale={locale}>{where}</DanishText>
                  </>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      )}
      {day.courses.length > 0 && (
        <>
          <Sub>{t.courses(day.courses.length)}</Sub>
          <ul class="calendar-list">
            {day.courses.map(({ course, session }) => (
              <li>
                <strong>
                  {`${session.startsAt}\u2060–\u2060${session.endsAt} `}
                  <a href={hrefIn(locale, `/forloeb/${encodeURIComponent(course.slug)}`)} lang={danishLang(locale)}>
                    {course.title}
                  </a>
                </strong>
                {!calendar.allExample && course.isExample && (
                  <>
                    {' '}
                    <ExampleDataBadge locale={locale} />
                  </>
                )}
                {` · ${messages[locale].courses.kinds[course.kind]} · `}
                <DanishText locale={locale}>{session.location?.name ?? course.offering.name}</DanishText>
              </li>
            ))}
          </ul>
        </>
      )}
      {day.peerMeetings.length > 0 && <CalendarPeerMeetings meetings={day.peerMeetings} locale={locale} heading={Sub} />}
    </section>
  );
}

/** /kalender: every opening period and activity of the (filtered) range on a day or in a week. */
export function CalendarPage({ calendar, notices, locale, path }: { calendar: CityCalendar; notices: string[] } & PageLanguage) {
  const t = messages[locale].calendar;
  const { criteria, view, from } = calendar;
  const step = view === 'uge' ? 7 : 1;
  const href = (date: string, shown: 'dag' | 'uge') => hrefIn(locale, calendarHref(criteria, date, shown));
  const feed = `/kalender.ics`;
  const shown = calendar.days.flatMap((day) => [
    ...day.open.flatMap((item) => item.offering.schedule.rules),
    ...day.activities.map((item) => item.activity),
  ]);
  const allExample = shown.length > 0 && shown.every((item) => item.isExample);
  return (
    <Layout
      title={t.title(calendarTitle(calendar, locale))}
      alternates={[{ type: 'text/calendar', href: feed, title: t.feedTitle }]}
      locale={locale}
      path={path}
    >
      <link rel="stylesheet" href={assetHref('/static/calendar.css')} />
      <Breadcrumbs
        ariaLabel={messages[locale].breadcrumbs}
        items={[{ text: messages[locale].allOfferings, href: hrefIn(locale, '/') }, { text: t.heading }]}
      />
      <h1>
        <span class="calendar-kicker">{t.heading}</span> {calendarTitle(calendar, locale)}
      </h1>
      <p class="font-lead">{t.lead}</p>
      {notices.length > 0 && (
        <Alert variant="info" locale={locale}>
          {notices.map((notice) => (
            <p>{notice}</p>
          ))}
        </Alert>
      )}
      <nav aria-label={t.navLabel} class="calendar-nav">
        <ul class="calendar-nav-list">
          <li>
            <a href={href(addDays(from, -step), view)}>{view === 'uge' ? t.previousWeek : t.previousDay}</a>
          </li>
          <li>
            <a href={href(calendar.today, view)}>{view === 'uge' ? t.thisWeek : t.today}</a>
          </li>
          <li>
            <a href={href(addDays(from, step), view)}>{view === 'uge' ? t.nextWeek : t.nextDay}</a>
          </li>
          <li>
            <a
              href={href(view === 'uge' && calendar.today >= from && calendar.today <= calendar.to ? calendar.today : from, 'dag')}
              aria-current={view === 'dag' ? 'page' : undefined}
            >
              {t.showDay}
            </a>
          </li>
          <li>
            <a href={href(from, 'uge')} aria-current={view === 'uge' ? 'page' : undefined}>
              {t.showWeek}
            </a>
          </li>
        </ul>
      </nav>
      <CalendarFilters calendar={calendar} locale={locale} />
      <p class="calendar-count">{t.count(calendar.placeCount)}</p>
      {allExample ? (
        <p data-example="kalender">
          <ExampleDataBadge locale={locale} />
          {t.allExample}
        </p>
      ) : (
        <p>{t.someExample}</p>
      )}
      {calendar.days.map((day) => (
        <Day day={day} calendar={{ ...calendar, allExample }} headingLevel={2} locale={locale} />
      ))}
      <p class="calendar-tools">
        <a href={feed} type="text/calendar">
          {t.subscribe}
        </a>{' '}
        {t.subscribeAfter}
        <a href={hrefIn(locale, '/kalender/daekning')}>{t.coverage}</a>
        {' · '}
        <a href={hrefIn(locale, programmeHref({ district: criteria.districtSlug ? { slug: criteria.districtSlug } : null }, weekPeriod(from)))}>
          {t.printWeek}
        </a>
      </p>
    </Layout>
  );
}
