import type { PublicPeerMeeting } from '../../app/run-peer-counsellors.ts';
import { OfferingPeerMeetings } from '../components/peer-meetings.tsx';
import type { OpenUserJob } from '../../app/run-user-jobs.ts';
import { OfferingUserJobs } from './user-job-pages.tsx';
import type { Council } from '../../app/run-councils.ts';
import { OfferingCouncils } from './council-pages.tsx';
import type { Child } from 'hono/jsx';
import { withShortlist } from '../../http/shortlist-query.ts';
import { PinLink } from '../components/pin-link.tsx';
import { areaLabel } from '../components/area-label.ts';
import type { OfferingPage as OfferingPageData } from '../../app/get-offering-page.ts';
import type { Alternative } from '../../domain/alternatives.ts';
import type { PlanHours } from '../../app/plan-scenarios.ts';
import type { TransitionPlan } from '../../domain/planning/transition.ts';
import { TransitionPlanView } from '../components/transition-plan.tsx';
import { capitalise, intlLocale, listIn } from '../../domain/locale.ts';
import type { Location, Offering } from '../../domain/range.ts';
import { holidayName } from '../../domain/schedule/holidays.ts';
import {
  dayNote,
  describeActivityPlace,
  describeActivityWhen,
  scheduleWords,
  staffLabel,
  timeSpan,
} from '../../domain/schedule/schedule-text.ts';
import { type Freshness, ownerOf } from '../../domain/freshness.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { addDays, cityTimeZone, formatDate } from '../../domain/time.ts';
import { type TargetGroup, vocabulary } from '../../domain/vocabulary.ts';
import { DanishText, danishLang, WithPlaceNames } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { AccessInfo } from '../components/access-info.tsx';
import { Alert, type AlertVariant } from '../components/alert.tsx';
import { Badge, ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { CorrectionForm } from '../components/correction-form.tsx';
import { Details } from '../components/details.tsx';
import { summariseHours } from '../components/hours-summary.tsx';
import { StructuredList } from '../components/structured-list.tsx';
import { Layout } from '../layout.tsx';
import type { CatalogueEntry } from '../../app/get-course-catalogue.ts';
import { freePlaces } from '../../domain/course/model.ts';
import { CourseWhen } from './course-pages.tsx';

/** Formats in each language, made once. */
const formats = (locale: Locale) => ({
  dayAndMonth: new Intl.DateTimeFormat(intlLocale[locale], { timeZone: 'UTC', day: 'numeric', month: 'long' }),
  kilometres: new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }),
  clockTime: new Intl.DateTimeFormat(intlLocale[locale], { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' }),
  weekdayAndDate: new Intl.DateTimeFormat(intlLocale[locale], { timeZone: cityTimeZone, weekday: 'long', day: 'numeric', month: 'long' }),
});
const format = { da: formats('da'), en: formats('en') };

const offeringHref = (slug: string, locale: Locale) => hrefIn(locale, `/tilbud/${encodeURIComponent(slug)}`);

/** '2026-11-23' -> 'mandag 23. november'. */
function dayLabel(date: string, index: number, locale: Locale): string {
  return `${vocabulary[locale].weekdays[index]} ${format[locale].dayAndMonth.format(new Date(`${date}T00:00:00Z`))}`;
}

const sources = (refs: string[], locale: Locale) =>
  refs.length === 0 ? messages[locale].offering.noSource : messages[locale].offering.sources(refs.length, listIn(refs, locale));

const statusVariants: Record<'closing' | 'closed' | 'proposed' | 'unknown', AlertVariant> = {
  closing: 'warning',
  // A closed place is a fact to know, not a mistake the reader made, so it is not shown in red.
  closed: 'info',
  proposed: 'info',
  unknown: 'info',
};

function addressLines(location: Location): string[] {
  return [location.address1, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(
    (line): line is string => Boolean(line),
  );
}

function ShortAddress({ offering, locale }: { offering: Offering; locale: Locale }) {
  const location = offering.locations[0]?.location;
  if (!location) return <>{messages[locale].addressNotYet}</>;
  if (location.kind === 'area') {
    return (
      <>
        {areaLabel(location, locale)}
        {location.district ? (
          <>
            {' · '}
            <DanishText locale={locale}>{location.district.name}</DanishText>
          </>
        ) : (
          ''
        )}
      </>
    );
  }
  return <DanishText locale={locale}>{[addressLines(location).join(', '), location.district?.name].filter(Boolean).join(' · ')}</DanishText>;
}

function isSameAddress(a: Offering, b: Offering): boolean {
  const addresses = new Set(
    a.locations.filter((item) => item.location.address1).map((item) => addressLines(item.location).join(', ')),
  );
  return b.locations.some((item) => item.location.address1 && addresses.has(addressLines(item.location).join(', ')));
}

function Section({
  id,
  title,
  badge,
  example,
  locale = 'da',
  children,
}: {
  id: string;
  title: string;
  badge?: boolean;
  example?: string;
  locale?: Locale;
  children: Child;
}) {
  return (
    <section aria-labelledby={id} data-example={example}>
      <h2 id={id}>
        {title}
        {badge && (
          <>
            {' '}
            <ExampleDataBadge locale={locale} />
          </>
        )}
      </h2>
      {children}
    </section>
  );
}

function AlternativeItem({ item, from, locale }: { item: Alternative; from: OfferingPageData; locale: Locale }) {
  const t = messages[locale].offering;
  const { offering } = item;
  const status = describeStatus(item.status, offering.events, locale);
  const change = from.status.planned?.kind ?? from.status.lastEvent?.status;
  const relation =
    item.reason !== 'successor'
      ? null
      : change === 'replaced_by'
        ? t.replaces(from.offering.name)
        : t.mergesWith(from.offering.name);
  return (
    <li>
      <h3>
        <a href={offeringHref(offering.slug, locale)} lang={danishLang(locale)}>
          {offering.name}
        </a>
      </h3>
      {relation && <p class="offering-meta">{relation}</p>}
      {status && (
        <p class="offering-meta">
          <strong>
            <WithPlaceNames text={status} names={offering.events.map((event) => event.relatedOfferingName)} locale={locale} />
          </strong>
        </p>
      )}
      <p class="offering-meta">
        <ShortAddress offering={offering} locale={locale} />
      </p>
      {isSameAddress(from.offering, offering) ? (
        <p class="offering-meta">{t.sameAddress}</p>
      ) : (
        item.distanceKm !== null && (
          <p class="offering-meta">
            {item.distanceKm < 0.1 ? t.under100 : t.kmAway(format[locale].kilometres.format(item.distanceKm))}
          </p>
        )
      )}
      {offering.profile && (
        <p class="offering-meta">
          {messages[locale].mainFocus(vocabulary[locale].profiles[offering.profile].label.toLocaleLowerCase(locale))}
        </p>
      )}
    </li>
  );
}

function Alternatives({ page, locale }: { page: OfferingPageData; locale: Locale }) {
  const t = messages[locale].offering;
  const intro = page.alternatives.some((item) => item.status.state !== 'active') ? t.alternativesSome : t.alternativesOpen;
  return (
    <Section id="alternativer" title={t.alternativesTitle}>
      {page.alternatives.length > 0 ? (
        <>
          <p>{intro}</p>
          <ul class="offering-list">
            {page.alternatives.map((item) => (
              <AlternativeItem item={item} from={page} locale={locale} />
            ))}
          </ul>
        </>
      ) : (
        <p>{t.noAlternatives}</p>
      )}
      <p>
        <a href={hrefIn(locale, '/')}>{t.seeAllOfferings}</a>
      </p>
    </Section>
  );
}

const hhmm = (locale: Locale, instant: number | Date) => format[locale].clockTime.format(instant).replace('.', ':');

/** 'Åbent nu til 16:00', 'Åbner i morgen kl. 10:00', 'Åbner mandag 28. december kl. 10:00'. */
function openingSentence(page: OfferingPageData, locale: Locale): string | null {
  const t = messages[locale].offering;
  const opening = page.opening;
  if (!opening) return null;
  if (opening.isNow) return t.openNow(hhmm(locale, opening.end));
  const at = hhmm(locale, opening.start);
  if (opening.date === page.date) return t.opensToday(at);
  if (opening.date === addDays(page.date, 1)) return t.opensTomorrow(at);
  return t.opensOn(format[locale].weekdayAndDate.format(opening.start), at);
}

function OpeningHoursThisWeek({ page, locale }: { page: OfferingPageData; locale: Locale }) {
  const t = messages[locale].offering;
  const words = vocabulary[locale];
  const rules = page.offering.schedule.rules;
  const periods = page.days.flatMap((day) => day.periods);
  const exampleCount = rules.filter((item) => item.isExample).length + periods.filter((item) => item.isExample).length;
  const total = rules.length + periods.length;
  const isAllExample = total > 0 && exampleCount === total;
  const isMixed = exampleCount > 0 && !isAllExample;
  const first = page.week[0]!;
  const last = page.week[6]!;
  const hasHours = rules.length > 0 || periods.length > 0;
  const sentence = openingSentence(page, locale);
  const feed = `/tilbud/${encodeURIComponent(page.offering.slug)}/kalender.ics`;
  return (
    <Section
      id="aabningstider"
      title={t.hoursTitle}
      badge={exampleCount > 0}
      example={exampleCount > 0 ? 'åbningstider' : undefined}
      locale={locale}
    >
      {!hasHours ? (
        <p>{t.noHours}</p>
      ) : (
        <>
          {isAllExample && <p>{t.allExampleHours}</p>}
          {isMixed && <p>{t.someExampleHours}</p>}
          {sentence && (
            <p>
              <strong>{sentence}</strong>
            </p>
          )}
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <caption class="align-text-left">{t.weekCaption(dayLabel(first, 0, locale), dayLabel(last, 6, locale), last.slice(0, 4))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.dayColumn}</th>
                  <th scope="col">{t.openColumn}</th>
                </tr>
              </thead>
              <tbody>
                {page.days.map((day, index) => {
                  const isToday = day.date === page.date;
                  const note = dayNote(day, locale);
                  const noteText = note ? (note.reason ? `${note.reason}: ${note.what}` : capitalise(note.what, locale)) : null;
                  return (
                    <tr aria-current={isToday ? 'date' : undefined}>
                      <th scope="row">
                        {capitalise(words.weekdays[index]!, locale)}
                        <br />
                        <span class="weight-normal">
                          {format[locale].dayAndMonth.format(new Date(`${day.date}T00:00:00Z`)).replace(' ', '\u00a0')}
                        </span>
                        {isToday && (
                          <>
                            {' '}
                            <Badge variant="info">{messages[locale].todayBadge}</Badge>
                          </>
                        )}
                      </th>
                      <td>
                        {note && (
                          <p class="mt-0 mb-0 weight-semibold">
                            {note.reason && note.isOwnText ? (
                              <>
                                <DanishText locale={locale}>{note.reason}</DanishText>
                                {`: ${note.what}`}
                              </>
                            ) : (
                              noteText
                            )}
                          </p>
                        )}
                        {day.periods.length === 0
                          ? !noteText?.endsWith(scheduleWords[locale].closed) && <p class="mt-0 mb-0">{t.closed}</p>
                          : day.periods.map((item, position) => (
                              <p class={position > 0 || note ? 'mt-3 mb-0' : 'mt-0 mb-0'}>
                                <strong>{timeSpan(item.opens, item.closes)}</strong>
                                {isMixed && item.isExample && (
                                  <>
                                    {' '}
                                    <ExampleDataBadge locale={locale} />
                                  </>
                                )}
                                <br />
                                {staffLabel(item, locale)}
                              </p>
                            ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>{t.holidaysCounted}</p>
          {rules.length > 0 && (
            <Details summary={t.fixedHours}>
              <p>{`${capitalise(summariseHours(rules, locale) ?? '', locale)}.`}</p>
              <p>{holidayPolicyText(page.offering, locale)}</p>
            </Details>
          )}
        </>
      )}
      <p>
        <a href={feed} type="text/calendar">
          {t.subscribe}
        </a>
        {t.subscribeAfter}
      </p>
    </Section>
  );
}

function holidayPolicyText(offering: Offering, locale: Locale): string {
  const t = messages[locale].offering;
  const say = scheduleWords[locale];
  const { standard, rules } = offering.schedule.holidays;
  const base = standard === 'closed' ? t.closedOnHolidays : t.regularOnHolidays;
  const special = rules.map((rule) => {
    const what =
      rule.kind === 'closed'
        ? say.closed
        : rule.kind === 'open'
          ? say.regularHours
          : listIn(
              rule.periods.map((period) => timeSpan(period.opens, period.closes)),
              locale,
            );
    return `${holidayName(rule.holiday, locale)}: ${what}`;
  });
  return `${[base, ...special].join('. ')}.`;
}

function Activities({ page, locale }: { page: OfferingPageData; locale: Locale }) {
  const t = messages[locale].offering;
  const { offering, upcoming } = page;
  const activities = offering.activities;
  const exampleCount = activities.filter((item) => item.isExample).length;
  const isAllExample = activities.length > 0 && exampleCount === activities.length;
  const badge = (isExample: boolean) =>
    !isAllExample &&
    isExample && (
      <>
        {' '}
        <ExampleDataBadge locale={locale} />
      </>
    );
  return (
    <Section
      id="aktiviteter"
      title={t.activitiesTitle}
      badge={exampleCount > 0}
      example={exampleCount > 0 ? 'aktiviteter' : undefined}
      locale={locale}
    >
      {activities.length === 0 ? (
        <p>{t.noActivities}</p>
      ) : (
        <>
          {isAllExample && <p>{t.allExampleActivities}</p>}
          <h3>{t.nextTwoWeeks}</h3>
          {upcoming.length === 0 ? (
            <p>{t.noneUpcoming}</p>
          ) : (
            <ul class="offering-list">
              {upcoming.map((occurrence) => {
                const { activity } = occurrence;
                const where = describeActivityPlace(activity);
                return (
                  <li>
                    <h4 class="h5">
                      <DanishText locale={locale}>{activity.name}</DanishText>
                      {badge(activity.isExample)}
                    </h4>
                    <p class="offering-meta">
                      {`${capitalise(format[locale].weekdayAndDate.format(occurrence.start), locale)} ${scheduleWords[locale].at(
                        activity.endsAt ? timeSpan(activity.startsAt, activity.endsAt) : activity.startsAt,
                      )}`}
                    </p>
                    <p class="offering-meta">
                      {where ? (
                        <>
                          {t.activityPlace}
                          <DanishText locale={locale}>{where}</DanishText>
                        </>
                      ) : (
                        t.onSite
                      )}
                    </p>
                    {activity.isUserRun && <p class="offering-meta">{t.userRun}</p>}
                  </li>
                );
              })}
            </ul>
          )}
          <Details summary={t.allActivities}>
            <ul>
              {activities.map((activity) => {
                const where = describeActivityPlace(activity);
                return (
                  <li>
                    <strong>
                      <DanishText locale={locale}>{activity.name}</DanishText>:
                    </strong>
                    {badge(activity.isExample)} {describeActivityWhen(activity, locale)}
                    {where ? (
                      <>
                        {`. ${t.activityPlace}`}
                        <DanishText locale={locale}>{where}</DanishText>
                      </>
                    ) : (
                      ''
                    )}
                    {activity.description ? (
                      <>
                        {'. '}
                        <DanishText locale={locale}>{activity.description}</DanishText>
                      </>
                    ) : (
                      ''
                    )}
                  </li>
                );
              })}
            </ul>
          </Details>
        </>
      )}
    </Section>
  );
}

function Address({ offering, locale }: { offering: Offering; locale: Locale }) {
  const t = messages[locale].offering;
  const locations = offering.locations.map((item) => item.location);
  return (
    <Section id="adresse" title={t.addressTitle}>
      {locations.length === 0 && <p>{t.noAddress}</p>}
      {locations.map((location) => (
        <>
          {location.kind === 'area' ? (
            <>
              <p>
                <strong>{areaLabel(location, locale)}</strong>
              </p>
              {location.areaDescription && <p lang={danishLang(locale)}>{location.areaDescription}</p>}
            </>
          ) : (
            <p lang={addressLines(location).length > 0 ? danishLang(locale) : undefined}>
              {addressLines(location).length > 0
                ? addressLines(location).map((line, index) => (
                    <>
                      {index > 0 && <br />}
                      {line}
                    </>
                  ))
                : t.noAddress}
            </p>
          )}
          <p>
            {location.district ? (
              <>
                {t.district}
                <DanishText locale={locale}>{location.district.name}</DanishText>
              </>
            ) : (
              t.noDistrict
            )}
          </p>
          {location.coordinatePrecision === 'approximate' && <p>{t.approximate}</p>}
          {location.kind === 'address' && location.coordinatePrecision === 'none' && <p>{t.noPoint}</p>}
          {location.kind === 'address' && location.address1 && (
            <p>
              <a
                href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(addressLines(location).join(', '))}`}
              >
                {t.openStreetMap}
              </a>
            </p>
          )}
        </>
      ))}
    </Section>
  );
}

/** Access for disabled people, per place; a place's name heads its part when there are several. */
function Access({ offering, locale }: { offering: Offering; locale: Locale }) {
  const t = messages[locale].offering;
  const locations = offering.locations.map((item) => item.location);
  if (locations.length === 0) return null;
  return (
    <Section id="adgang" title={t.accessTitle}>
      {locations.map((location) => (
        <>
          {locations.length > 1 && <h3 lang={danishLang(locale)}>{location.name}</h3>}
          <AccessInfo access={location.access} locale={locale} />
        </>
      ))}
    </Section>
  );
}

function Contact({ offering, locale }: { offering: Offering; locale: Locale }) {
  const t = messages[locale].offering;
  const rows = [
    offering.phone ? { label: t.phone, value: <a href={`tel:${offering.phone.replace(/\s/g, '')}`}>{offering.phone}</a> } : null,
    offering.email ? { label: t.email, value: <a href={`mailto:${offering.email}`}>{offering.email}</a> } : null,
    offering.url ? { label: t.website, value: <a href={offering.url}>{offering.url}</a> } : null,
  ].filter((row) => row !== null);
  return (
    <Section id="kontakt" title={t.contactTitle}>
      {rows.length > 0 ? <StructuredList rows={rows} /> : <p>{t.noContact}</p>}
    </Section>
  );
}

function Operator({ offering, locale }: { offering: Offering; locale: Locale }) {
  const t = messages[locale].offering;
  const note = offering.operatorNote ?? offering.operator?.note ?? null;
  const rows = [
    {
      label: t.operator,
      value: offering.operator ? (
        <>
          <DanishText locale={locale}>{offering.operator.name}</DanishText>
          {note && (
            <>
              <br />
              <DanishText locale={locale}>{note}</DanishText>
            </>
          )}
        </>
      ) : (
        t.noOperator
      ),
    },
    { label: t.ownership, value: offering.ownership ? vocabulary[locale].ownership[offering.ownership] : t.notInSources },
    {
      label: t.centre,
      value: offering.centre ? <DanishText locale={locale}>{offering.centre.name}</DanishText> : t.noCentre,
    },
    ...(offering.centre?.track
      ? [{ label: t.track, value: <DanishText locale={locale}>{offering.centre.track.name}</DanishText> }]
      : []),
    ...(offering.alsoServes.length > 0
      ? [
          {
            label: t.alsoUsedBy,
            value: <DanishText locale={locale}>{listIn(offering.alsoServes.map((item) => item.name), locale)}</DanishText>,
          },
        ]
      : []),
    ...(offering.parent
      ? [
          {
            label: t.belongsTo,
            value: (
              <>
                {offering.parent.relation === 'satellite' ? t.satelliteOf : t.partOf}
                <a href={offeringHref(offering.parent.slug, locale)} lang={danishLang(locale)}>
                  {offering.parent.name}
                </a>
              </>
            ),
          },
        ]
      : []),
  ];
  return (
    <Section id="driftsherre" title={t.operatorTitle}>
      <StructuredList rows={rows} />
    </Section>
  );
}

type StatusEventView = Offering['events'][number];

function eventSentence(event: StatusEventView, relatedSlugs: ReadonlyMap<string, string>, locale: Locale): Child {
  const t = messages[locale].offering.event;
  const on = event.occursOn ? t.on(formatDate(event.occursOn, locale)) : '';
  const laterOn = event.occursOn && event.occursOn !== event.recordedOn ? on : '';
  const slug = event.relatedOfferingId ? relatedSlugs.get(event.relatedOfferingId) : undefined;
  const related = event.relatedOfferingName ? (
    slug ? (
      <a href={offeringHref(slug, locale)} lang={danishLang(locale)}>
        {event.relatedOfferingName}
      </a>
    ) : (
      <DanishText locale={locale}>{event.relatedOfferingName}</DanishText>
    )
  ) : (
    t.anotherOffering
  );
  if (event.isBaseline) {
    return event.status === 'closed' ? t.wasClosed : event.status === 'proposed' ? t.wasProposed : t.wasOpen;
  }
  switch (event.status) {
    case 'proposed':
      // The seeded note already says it was proposed, and in which model.
      return event.note ? '' : t.proposed;
    case 'opens':
      return t.decidedOpens(on);
    case 'active':
      return laterOn ? t.opens(laterOn) : t.isOpen;
    case 'closing':
      return t.decidedCloses(on);
    case 'closed':
      return laterOn ? t.closes(laterOn) : t.isClosed;
    case 'merged_into':
      return <>{t.mergedBefore}{related}{t.mergedAfter(on)}</>;
    case 'replaced_by':
      return <>{t.replacedBefore}{related}{t.replacedAfter(on)}</>;
    case 'moved':
      return t.moves(on);
  }
}

function History({ page, locale }: { page: OfferingPageData; locale: Locale }) {
  const t = messages[locale].offering;
  const events = page.offering.events;
  return (
    <Section id="historik" title={t.historyTitle}>
      {events.length === 0 ? (
        <p>{t.noHistory}</p>
      ) : (
        <ul class="offering-list">
          {events.map((event) => {
            const date = event.recordedOn ?? event.occursOn;
            const sentence = eventSentence(event, page.relatedSlugs, locale);
            return (
              <li>
                <p class="offering-meta">
                  <strong>{event.isBaseline || !date ? t.whenSourcesWritten : formatDate(date, locale)}</strong>
                </p>
                <p class="offering-meta">
                  {sentence}
                  {sentence && event.note ? ' ' : ''}
                  {event.note ? <DanishText locale={locale}>{event.note}</DanishText> : ''}
                </p>
                <p class="offering-meta">{sources(event.seedRefs, locale)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function QuietRoom({ offering, locale }: { offering: Offering; locale: Locale }) {
  const t = messages[locale].offering;
  if (offering.hasQuietRoom === null) return <>{t.notToldYet}</>;
  if (!offering.hasQuietRoom) return <>{t.noQuietRoom}</>;
  const quiet = offering.rooms.filter((room) => room.isQuiet).map((room) => room.name);
  if (quiet.length === 0) return <>{t.quietRoom}</>;
  return (
    <>
      {t.quietRooms}
      <DanishText locale={locale}>{listIn(quiet, locale)}</DanishText>.
    </>
  );
}

/** Who answers for the details, when they were last verified, and a form to suggest a correction (ADR 014). */
function AboutTheDetails({ offering, freshness, stamp, locale }: { offering: Offering; freshness: Freshness; stamp: string; locale: Locale }) {
  const t = messages[locale].freshness;
  const owner = ownerOf(offering);
  return (
    <Section id="om-oplysningerne" title={t.title} locale={locale}>
      <StructuredList
        rows={[
          { label: t.owner, value: owner ? <DanishText locale={locale}>{owner.name}</DanishText> : t.noOwner },
          { label: t.lastVerified, value: freshness.verifiedOn ? formatDate(freshness.verifiedOn, locale) : t.notVerified },
        ]}
      />
      <p>{t.howItWorks}</p>
      <Details summary={messages[locale].correction.summary}>
        <p>{messages[locale].correction.intro}</p>
        <CorrectionForm slug={offering.slug} locale={locale} stamp={stamp} text="" email="" problems={[]} />
      </Details>
    </Section>
  );
}

/** The public warning on a record past its limit: stale (may be out of date) or expired (out of the finder). */
function FreshnessWarning({ freshness, locale }: { freshness: Freshness; locale: Locale }) {
  const t = messages[locale].freshness;
  if (freshness.state === 'expired') return <Alert variant="warning" locale={locale}>{t.expiredWarning}</Alert>;
  if (freshness.state !== 'stale') return null;
  return (
    <Alert variant="warning" locale={locale}>
      {freshness.verifiedOn ? t.staleWarning(formatDate(freshness.verifiedOn, locale)) : t.staleNeverVerified}
    </Alert>
  );
}

/** The public page of one offering: everything a citizen needs before going there, and where else to go. */
function Courses({ courses, today, locale }: { courses: CatalogueEntry[]; today: string; locale: Locale }) {
  const t = messages[locale];
  return (
    <Section id="forloeb" title={t.offering.coursesTitle} badge={courses.every((entry) => entry.course.isExample)} locale={locale}>
      <ul>
        {courses.map(({ course, occupancy }) => (
          <li>
            <a href={hrefIn(locale, `/forloeb/${encodeURIComponent(course.slug)}`)} lang={danishLang(locale)}>
              {course.title}
            </a>
            {` · ${t.courses.kinds[course.kind]} · `}
            <CourseWhen course={course} today={today} locale={locale} />
            {course.kind === 'open' && ` · ${freePlaces(course, occupancy) > 0 ? t.courses.freePlaces(freePlaces(course, occupancy), course.capacity) : t.courses.fullWithWaiting(occupancy.waitlisted)}`}
          </li>
        ))}
      </ul>
      <p>
        <a href={hrefIn(locale, '/forloeb')}>{t.offering.coursesAll}</a>
      </p>
    </Section>
  );
}

const transitionWords = {
  da: { title: 'Plan for overgangen', from: 'Fra scenariet', published: 'Planen hører til et offentliggjort planlægningsscenarie og er ikke nødvendigvis besluttet.' },
  en: { title: 'Transition plan', from: 'From the scenario', published: 'The plan belongs to a published planning scenario and is not necessarily decided.' },
} as const;

/** The transition plans of published scenarios that close this place: the date, fewer hours, who helps, where to go. */
function TransitionPlans({ plans, locale }: { plans: { scenario: { id: string; title: string }; plan: TransitionPlan; hours: ReadonlyMap<string, PlanHours> }[]; locale: Locale }) {
  const t = transitionWords[locale];
  return (
    <Section id="overgang" title={t.title} locale={locale}>
      <p>{t.published}</p>
      {plans.map(({ scenario, plan, hours }) => (
        <>
          <h3>
            {t.from}{' '}
            <a href={hrefIn(locale, `/planlaegning/${scenario.id}`)} lang={danishLang(locale)}>
              {scenario.title}
            </a>
          </h3>
          <TransitionPlanView plan={plan} hours={hours} locale={locale} headingLevel={4} showName={false} />
        </>
      ))}
    </Section>
  );
}

export function OfferingPage({
  page,
  shortlist,
  freshness,
  correctionStamp,
  courses = [],
  transitionPlans = [],
  councils = [],
  userJobs = [],
  peerMeetings = [],
  locale,
  path,
}: {
  page: OfferingPageData;
  shortlist: readonly string[];
  freshness: Freshness;
  correctionStamp: string;
  /** The courses this place runs that have not ended (ADR 023). */
  courses?: CatalogueEntry[];
  /** The transition plans of published planning scenarios that close this place (ADR 030). */
  transitionPlans?: { scenario: { id: string; title: string }; plan: TransitionPlan; hours: ReadonlyMap<string, PlanHours> }[];
  /** The place's user and activity councils (ADR 033). */
  councils?: Council[];
  /** The place's user jobs with a free place (ADR 033). */
  userJobs?: OpenUserJob[];
  /** The peer meetings to come at this place, where and when only (ADR 036). */
  peerMeetings?: readonly PublicPeerMeeting[];
} & PageLanguage) {
  const t = messages[locale].offering;
  const words = vocabulary[locale];
  const { offering, status } = page;
  const statusText = describeStatus(status, offering.events, locale);
  const groups = offering.terms
    .filter((term) => term.taxonomySlug === 'maalgruppe')
    .map((term) => words.targetGroups[term.code as TargetGroup] ?? term.name);
  const showAlternatives = status.state === 'closing' || status.state === 'closed' || status.state === 'unknown';
  return (
    <Layout
      title={offering.name}
      alternates={[
        { type: 'application/json', href: `/api/hsds/services/${offering.id}`, title: t.hsdsTitle(offering.name) },
        { type: 'text/calendar', href: `/tilbud/${encodeURIComponent(offering.slug)}/kalender.ics`, title: t.calendarTitle(offering.name) },
      ]}
      locale={locale}
      path={path}
    >
      <Breadcrumbs
        ariaLabel={messages[locale].breadcrumbs}
        items={[
          { text: messages[locale].allOfferings, href: hrefIn(locale, withShortlist('/', shortlist)) },
          { text: offering.name, lang: danishLang(locale) },
        ]}
      />
      <div class="row">
        <div class="col-12 col-lg-8">
          <h1 lang={danishLang(locale)}>{offering.name}</h1>
          {statusText && status.state !== 'active' && (
            <Alert variant={statusVariants[status.state]} locale={locale}>
              <WithPlaceNames text={statusText} names={offering.events.map((event) => event.relatedOfferingName)} locale={locale} />
              {showAlternatives && (
                <>
                  {' '}
                  <a href="#alternativer">{t.seeAlternatives}</a>
                </>
              )}
            </Alert>
          )}
          {status.state !== 'closed' && <FreshnessWarning freshness={freshness} locale={locale} />}
          <p>
            <PinLink slug={offering.slug} shortlist={shortlist} name={offering.name} locale={locale} />
          </p>
          <p class="font-lead" lang={danishLang(locale)}>
            {offering.description}
          </p>
          {(offering.profile || groups.length > 0) && (
            <p>
              {`${[
                offering.profile ? messages[locale].mainFocus(words.profiles[offering.profile].label.toLocaleLowerCase(locale)) : null,
                groups.length > 0 ? t.specialFor(listIn(groups, locale).toLocaleLowerCase(locale)) : null,
              ]
                .filter(Boolean)
                .join('. ')}.`}
            </p>
          )}
          {showAlternatives && <Alternatives page={page} locale={locale} />}
          {transitionPlans.length > 0 && <TransitionPlans plans={transitionPlans} locale={locale} />}
          <Section id="foerste-gang" title={t.firstVisitTitle}>
            {offering.firstVisit ? <p lang={danishLang(locale)}>{offering.firstVisit}</p> : <p>{t.notToldYet}</p>}
          </Section>
          <Section id="hvem-moeder-dig" title={t.whoMeetsYouTitle}>
            {offering.whoMeetsYou ? <p lang={danishLang(locale)}>{offering.whoMeetsYou}</p> : <p>{t.notToldYet}</p>}
            <StructuredList
              rows={[
                { label: t.staff, value: offering.staffing ? words.staffing[offering.staffing] : t.notToldYet },
                { label: t.quietRoomLabel, value: <QuietRoom offering={offering} locale={locale} /> },
              ]}
            />
          </Section>
          <OpeningHoursThisWeek page={page} locale={locale} />
          <Activities page={page} locale={locale} />
          {courses.length > 0 && <Courses courses={courses} today={page.date} locale={locale} />}
          {councils.length > 0 && <OfferingCouncils councils={councils} locale={locale} />}
          {userJobs.length > 0 && <OfferingUserJobs jobs={userJobs} locale={locale} />}
          {peerMeetings.length > 0 && <OfferingPeerMeetings meetings={peerMeetings} locale={locale} />}
          <Address offering={offering} locale={locale} />
          <Access offering={offering} locale={locale} />
          <Contact offering={offering} locale={locale} />
          <Operator offering={offering} locale={locale} />
          <History page={page} locale={locale} />
          <AboutTheDetails offering={offering} freshness={freshness} stamp={correctionStamp} locale={locale} />
        </div>
      </div>
    </Layout>
  );
}
