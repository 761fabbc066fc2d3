import type { Child } from 'hono/jsx';
import { withShortlist } from '../../http/shortlist-query.ts';
import { PinLink } from '../components/pin-link.tsx';
import { areaLabel } from '../components/area-label.ts';
import type { OfferingPage as OfferingPageData } from '../../app/get-offering-page.ts';
import type { Alternative } from '../../domain/alternatives.ts';
import type { Location, Offering } from '../../domain/range.ts';
import { holidayNames } from '../../domain/schedule/holidays.ts';
import {
  describeActivityPlace,
  describeActivityWhen,
  describeDay,
  staffLabel,
  timeSpan,
} from '../../domain/schedule/schedule-text.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { addDays, cityTimeZone, formatDanishDate } from '../../domain/time.ts';
import { ownershipLabels, profiles, staffingLabels, targetGroups, weekdayNames } from '../../domain/vocabulary.ts';
import { Alert, type AlertVariant } from '../components/alert.tsx';
import { Badge, ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Details } from '../components/details.tsx';
import { summariseHours } from '../components/hours-summary.tsx';
import { StructuredList } from '../components/structured-list.tsx';
import { Layout } from '../layout.tsx';

const notToldYet = 'Tilbuddet har ikke oplyst det endnu.';

const dayAndMonth = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', day: 'numeric', month: 'long' });
const kilometres = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });


const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
const offeringHref = (slug: string) => `/tilbud/${encodeURIComponent(slug)}`;

/** '2026-11-23' -> 'mandag 23. november'. */
function dayLabel(date: string, index: number): string {
  return `${weekdayNames[index]} ${dayAndMonth.format(new Date(`${date}T00:00:00Z`))}`;
}

function listInDanish(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`;
}

const sources = (refs: string[]) =>
  refs.length === 0 ? 'Kilden er ikke oplyst.' : `${refs.length === 1 ? 'Kilde' : 'Kilder'}: dokument ${listInDanish(refs)}.`;

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

function shortAddress(offering: Offering): string | null {
  const location = offering.locations[0]?.location;
  if (!location) return null;
  if (location.kind === 'area') return `${areaLabel(location)}${location.district ? ` · ${location.district.name}` : ''}`;
  return [addressLines(location).join(', '), location.district?.name].filter(Boolean).join(' · ');
}

function isSameAddress(a: Offering, b: Offering): boolean {
  const addresses = new Set(
    a.locations.filter((item) => item.location.address1).map((item) => addressLines(item.location).join(', ')),
  );
  return b.locations.some((item) => item.location.address1 && addresses.has(addressLines(item.location).join(', ')));
}

function Section({ id, title, badge, example, children }: { id: string; title: string; badge?: boolean; example?: string; children: Child }) {
  return (
    <section aria-labelledby={id} data-example={example}>
      <h2 id={id}>
        {title}
        {badge && (
          <>
            {' '}
            <ExampleDataBadge />
          </>
        )}
      </h2>
      {children}
    </section>
  );
}

function AlternativeItem({ item, from }: { item: Alternative; from: OfferingPageData }) {
  const { offering } = item;
  const status = describeStatus(item.status, offering.events);
  const change = from.status.planned?.kind ?? from.status.lastEvent?.status;
  const relation =
    item.reason !== 'successor'
      ? null
      : change === 'replaced_by'
        ? `Det sted, der skal erstatte ${from.offering.name}.`
        : `Det sted, ${from.offering.name} skal lægges sammen med.`;
  return (
    <li>
      <h3>
        <a href={offeringHref(offering.slug)}>{offering.name}</a>
      </h3>
      {relation && <p class="offering-meta">{relation}</p>}
      {status && (
        <p class="offering-meta">
          <strong>{status}</strong>
        </p>
      )}
      <p class="offering-meta">{shortAddress(offering) ?? 'Adressen er ikke oplyst endnu.'}</p>
      {isSameAddress(from.offering, offering) ? (
        <p class="offering-meta">Samme adresse.</p>
      ) : (
        item.distanceKm !== null && (
          <p class="offering-meta">
            {item.distanceKm < 0.1
              ? 'Under 100 meter herfra.'
              : `Cirka ${kilometres.format(item.distanceKm)} km herfra i lige linje.`}
          </p>
        )
      )}
      {offering.profile && <p class="offering-meta">{`Hovedvægt: ${profiles[offering.profile].label.toLocaleLowerCase('da')}`}</p>}
    </li>
  );
}

function Alternatives({ page }: { page: OfferingPageData }) {
  const intro = page.alternatives.some((item) => item.status.state !== 'active')
    ? 'Her er steder, du kan bruge i stedet, nu eller når de åbner. De er for de samme mennesker.'
    : 'Her er åbne steder, du kan bruge i stedet. De er for de samme mennesker.';
  return (
    <Section id="alternativer" title="Steder der passer til de samme">
      {page.alternatives.length > 0 ? (
        <>
          <p>{intro}</p>
          <ul class="offering-list">
            {page.alternatives.map((item) => (
              <AlternativeItem item={item} from={page} />
            ))}
          </ul>
        </>
      ) : (
        <p>Vi kender ikke et andet åbent sted, der passer til de samme mennesker.</p>
      )}
      <p>
        <a href="/">Se alle tilbud</a>
      </p>
    </Section>
  );
}

const clockTime = new Intl.DateTimeFormat('da-DK', { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' });
const weekdayAndDate = new Intl.DateTimeFormat('da-DK', { timeZone: cityTimeZone, weekday: 'long', day: 'numeric', month: 'long' });

/** 'Åbent nu til 16:00', 'Åbner i morgen kl. 10:00', 'Åbner mandag 28. december kl. 10:00'. */
function openingSentence(page: OfferingPageData): string | null {
  const opening = page.opening;
  if (!opening) return null;
  if (opening.isNow) return `Åbent nu til ${clockTime.format(opening.end).replace('.', ':')}.`;
  const at = clockTime.format(opening.start).replace('.', ':');
  if (opening.date === page.date) return `Lukket nu. Åbner i dag kl. ${at}.`;
  if (opening.date === addDays(page.date, 1)) return `Lukket nu. Åbner i morgen kl. ${at}.`;
  return `Lukket nu. Åbner ${weekdayAndDate.format(opening.start)} kl. ${at}.`;
}

function OpeningHoursThisWeek({ page }: { page: OfferingPageData }) {
  const rules = page.offering.schedule.rules;
  const periods = page.days.flatMap((day) => day.periods);
  const exampleCount = rules.filter((item) => item.isExample).length + periods.filter((item) => item.isExample).length;
  const total = rules.length + periods.length;
  const isAllExample = total > 0 && exampleCount === total;
  const isMixed = exampleCount > 0 && !isAllExample;
  const first = page.week[0]!;
  const last = page.week[6]!;
  const hasHours = rules.length > 0 || periods.length > 0;
  const sentence = openingSentence(page);
  const feed = `/tilbud/${encodeURIComponent(page.offering.slug)}/kalender.ics`;
  return (
    <Section
      id="aabningstider"
      title="Åbningstider denne uge"
      badge={exampleCount > 0}
      example={exampleCount > 0 ? 'åbningstider' : undefined}
    >
      {!hasHours ? (
        <p>Tilbuddet har ikke oplyst sine åbningstider endnu.</p>
      ) : (
        <>
          {isAllExample && <p>Tiderne er eksempler, som vi har fundet på. Det er ikke stedets rigtige tider.</p>}
          {isMixed && <p>Tider markeret med «eksempeldata» er eksempler, som vi har fundet på.</p>}
          {sentence && (
            <p>
              <strong>{sentence}</strong>
            </p>
          )}
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <caption class="align-text-left">{`Fra ${dayLabel(first, 0)} til ${dayLabel(last, 6)} ${last.slice(0, 4)}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Dag</th>
                  <th scope="col">Åbent</th>
                </tr>
              </thead>
              <tbody>
                {page.days.map((day, index) => {
                  const isToday = day.date === page.date;
                  const note = describeDay(day);
                  return (
                    <tr aria-current={isToday ? 'date' : undefined}>
                      <th scope="row">
                        {capitalise(weekdayNames[index]!)}
                        <br />
                        <span class="weight-normal">
                          {dayAndMonth.format(new Date(`${day.date}T00:00:00Z`)).replace(' ', '\u00a0')}
                        </span>
                        {isToday && (
                          <>
                            {' '}
                            <Badge variant="info">i dag</Badge>
                          </>
                        )}
                      </th>
                      <td>
                        {note && <p class="mt-0 mb-0 weight-semibold">{note}</p>}
                        {day.periods.length === 0
                          ? !note?.endsWith('lukket') && <p class="mt-0 mb-0">Lukket</p>
                          : day.periods.map((item, position) => (
                              <p class={position > 0 || note ? 'mt-3 mb-0' : 'mt-0 mb-0'}>
                                <strong>{timeSpan(item.opens, item.closes)}</strong>
                                {isMixed && item.isExample && (
                                  <>
                                    {' '}
                                    <ExampleDataBadge />
                                  </>
                                )}
                                <br />
                                {staffLabel(item)}
                              </p>
                            ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>Helligdage og lukkedage er regnet med. Juleaften og nytårsaften følger stedets regel for helligdage.</p>
          {rules.length > 0 && (
            <Details summary="Faste åbningstider og helligdage">
              <p>{`${capitalise(summariseHours(rules) ?? '')}.`}</p>
              <p>{holidayPolicyText(page.offering)}</p>
            </Details>
          )}
        </>
      )}
      <p>
        <a href={feed} type="text/calendar">
          Abonnér på stedets kalender
        </a>{' '}
        (åbningstider og aktiviteter i din egen kalender)
      </p>
    </Section>
  );
}

function holidayPolicyText(offering: Offering): string {
  const { standard, rules } = offering.schedule.holidays;
  const base = standard === 'closed' ? 'Lukket på helligdage' : 'Almindelige åbningstider på helligdage';
  const special = rules.map((rule) => {
    const what =
      rule.kind === 'closed'
        ? 'lukket'
        : rule.kind === 'open'
          ? 'almindelige åbningstider'
          : listInDanish(rule.periods.map((period) => timeSpan(period.opens, period.closes)));
    return `${holidayNames[rule.holiday]}: ${what}`;
  });
  return `${[base, ...special].join('. ')}.`;
}

function Activities({ page }: { page: OfferingPageData }) {
  const { offering, upcoming } = page;
  const activities = offering.activities;
  const exampleCount = activities.filter((item) => item.isExample).length;
  const isAllExample = activities.length > 0 && exampleCount === activities.length;
  const badge = (isExample: boolean) =>
    !isAllExample &&
    isExample && (
      <>
        {' '}
        <ExampleDataBadge />
      </>
    );
  return (
    <Section id="aktiviteter" title="Aktiviteter" badge={exampleCount > 0} example={exampleCount > 0 ? 'aktiviteter' : undefined}>
      {activities.length === 0 ? (
        <p>Tilbuddet har ikke oplyst sine aktiviteter endnu.</p>
      ) : (
        <>
          {isAllExample && <p>Aktiviteterne er eksempler, som vi har fundet på. Det er ikke stedets rigtige aktiviteter.</p>}
          <h3>De næste to uger</h3>
          {upcoming.length === 0 ? (
            <p>Der er ingen aktiviteter de næste to uger.</p>
          ) : (
            <ul class="offering-list">
              {upcoming.map((occurrence) => {
                const { activity } = occurrence;
                const where = describeActivityPlace(activity);
                return (
                  <li>
                    <h4 class="h5">
                      {activity.name}
                      {badge(activity.isExample)}
                    </h4>
                    <p class="offering-meta">
                      {`${capitalise(weekdayAndDate.format(occurrence.start))} kl. ${
                        activity.endsAt ? timeSpan(activity.startsAt, activity.endsAt) : activity.startsAt
                      }`}
                    </p>
                    <p class="offering-meta">{where ? `Sted: ${where}` : 'På stedet'}</p>
                    {activity.isUserRun && <p class="offering-meta">Brugerstyret</p>}
                  </li>
                );
              })}
            </ul>
          )}
          <Details summary="Alle faste aktiviteter">
            <ul>
              {activities.map((activity) => (
                <li>
                  <strong>{`${activity.name}:`}</strong>
                  {badge(activity.isExample)}
                  {` ${[
                    describeActivityWhen(activity),
                    describeActivityPlace(activity) ? `Sted: ${describeActivityPlace(activity)}` : null,
                    activity.description,
                  ]
                    .filter(Boolean)
                    .join('. ')}`}
                </li>
              ))}
            </ul>
          </Details>
        </>
      )}
    </Section>
  );
}

function Address({ offering }: { offering: Offering }) {
  const locations = offering.locations.map((item) => item.location);
  return (
    <Section id="adresse" title="Adresse og vej">
      {locations.length === 0 && <p>Tilbuddet har ikke oplyst sin adresse endnu.</p>}
      {locations.map((location) => (
        <>
          {location.kind === 'area' ? (
            <>
              <p>
                <strong>{areaLabel(location)}</strong>
              </p>
              {location.areaDescription && <p>{location.areaDescription}</p>}
            </>
          ) : (
            <p>
              {addressLines(location).length > 0
                ? addressLines(location).map((line, index) => (
                    <>
                      {index > 0 && <br />}
                      {line}
                    </>
                  ))
                : 'Tilbuddet har ikke oplyst sin adresse endnu.'}
            </p>
          )}
          <p>{location.district ? `Bydel: ${location.district.name}` : 'Bydelen er ikke oplyst.'}</p>
          {location.coordinatePrecision === 'approximate' && (
            <p>Placeringen er omtrentlig. Derfor er afstande på siden cirka.</p>
          )}
          {location.kind === 'address' && location.address1 && (
            <p>
              <a
                href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(addressLines(location).join(', '))}`}
              >
                Find adressen på OpenStreetMap (en anden hjemmeside)
              </a>
            </p>
          )}
        </>
      ))}
    </Section>
  );
}

function Contact({ offering }: { offering: Offering }) {
  const rows = [
    offering.phone ? { label: 'Telefon', value: <a href={`tel:${offering.phone.replace(/\s/g, '')}`}>{offering.phone}</a> } : null,
    offering.email ? { label: 'E-mail', value: <a href={`mailto:${offering.email}`}>{offering.email}</a> } : null,
    offering.url ? { label: 'Hjemmeside', value: <a href={offering.url}>{offering.url}</a> } : null,
  ].filter((row) => row !== null);
  return (
    <Section id="kontakt" title="Kontakt">
      {rows.length > 0 ? <StructuredList rows={rows} /> : <p>Tilbuddet har ikke oplyst telefon, e-mail eller hjemmeside endnu.</p>}
    </Section>
  );
}

function Operator({ offering }: { offering: Offering }) {
  const note = offering.operatorNote ?? offering.operator?.note ?? null;
  const rows = [
    {
      label: 'Driftsherre',
      value: offering.operator ? (
        <>
          {offering.operator.name}
          {note && (
            <>
              <br />
              {note}
            </>
          )}
        </>
      ) : (
        'Driftsherren er ikke oplyst i kilderne.'
      ),
    },
    { label: 'Ejerform', value: offering.ownership ? ownershipLabels[offering.ownership] : 'Ikke oplyst i kilderne.' },
    { label: 'Center', value: offering.centre?.name ?? 'Stedet hører ikke under et af centrene i kilderne.' },
    ...(offering.centre?.track ? [{ label: 'Fagligt spor', value: offering.centre.track.name }] : []),
    ...(offering.alsoServes.length > 0
      ? [{ label: 'Bruges også af', value: listInDanish(offering.alsoServes.map((item) => item.name)) }]
      : []),
    ...(offering.parent
      ? [
          {
            label: 'Hører til',
            value: (
              <>
                {offering.parent.relation === 'satellite' ? 'Satellit under ' : 'En del af '}
                <a href={offeringHref(offering.parent.slug)}>{offering.parent.name}</a>
              </>
            ),
          },
        ]
      : []),
  ];
  return (
    <Section id="driftsherre" title="Hvem driver stedet">
      <StructuredList rows={rows} />
    </Section>
  );
}

type StatusEventView = Offering['events'][number];

function eventSentence(event: StatusEventView, relatedSlugs: ReadonlyMap<string, string>): Child {
  const on = event.occursOn ? ` den ${formatDanishDate(event.occursOn)}` : '';
  const laterOn = event.occursOn && event.occursOn !== event.recordedOn ? on : '';
  const slug = event.relatedOfferingId ? relatedSlugs.get(event.relatedOfferingId) : undefined;
  const related = event.relatedOfferingName ? (
    slug ? (
      <a href={offeringHref(slug)}>{event.relatedOfferingName}</a>
    ) : (
      event.relatedOfferingName
    )
  ) : (
    'et andet tilbud'
  );
  if (event.isBaseline) {
    return event.status === 'closed' ? 'Stedet var lukket.' : event.status === 'proposed' ? 'Stedet var foreslået.' : 'Stedet var åbent.';
  }
  switch (event.status) {
    case 'proposed':
      // The seeded note already says it was proposed, and in which model.
      return event.note ? '' : 'Stedet blev foreslået.';
    case 'opens':
      return `Besluttet, at stedet åbner${on}.`;
    case 'active':
      return laterOn ? `Stedet åbner${laterOn}.` : 'Stedet er åbent.';
    case 'closing':
      return `Besluttet, at stedet lukker${on}.`;
    case 'closed':
      return laterOn ? `Stedet lukker${laterOn}.` : 'Stedet er lukket.';
    case 'merged_into':
      return <>{'Besluttet at lægge stedet sammen med '}{related}{`${on}.`}</>;
    case 'replaced_by':
      return <>{'Besluttet, at '}{related}{` skal erstatte stedet${on}.`}</>;
    case 'moved':
      return `Besluttet, at stedet flytter${on}.`;
  }
}

function History({ page }: { page: OfferingPageData }) {
  const events = page.offering.events;
  return (
    <Section id="historik" title="Status og historik">
      {events.length === 0 ? (
        <p>Vi kender ikke stedets historik endnu.</p>
      ) : (
        <ul class="offering-list">
          {events.map((event) => {
            const date = event.recordedOn ?? event.occursOn;
            const sentence = eventSentence(event, page.relatedSlugs);
            return (
              <li>
                <p class="offering-meta">
                  <strong>{event.isBaseline || !date ? 'Da kilderne blev skrevet' : formatDanishDate(date)}</strong>
                </p>
                <p class="offering-meta">
                  {sentence}
                  {sentence && event.note ? ' ' : ''}
                  {event.note ?? ''}
                </p>
                <p class="offering-meta">{sources(event.seedRefs)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function quietRoomText(offering: Offering): string {
  if (offering.hasQuietRoom === null) return notToldYet;
  if (!offering.hasQuietRoom) return 'Nej, der er ikke et stille rum.';
  const quiet = offering.rooms.filter((room) => room.isQuiet).map((room) => room.name);
  return quiet.length > 0 ? `Ja: ${listInDanish(quiet)}.` : 'Ja, der er et stille rum.';
}

/** The public page of one offering: everything a citizen needs before going there, and where else to go. */
export function OfferingPage({ page, shortlist }: { page: OfferingPageData; shortlist: readonly string[] }) {
  const { offering, status } = page;
  const statusText = describeStatus(status, offering.events);
  const groups = offering.terms
    .filter((term) => term.taxonomySlug === 'maalgruppe')
    .map((term) => targetGroups[term.code as keyof typeof targetGroups] ?? term.name);
  const showAlternatives = status.state === 'closing' || status.state === 'closed' || status.state === 'unknown';
  return (
    <Layout
      title={offering.name}
      alternates={[
        { type: 'application/json', href: `/api/hsds/services/${offering.id}`, title: `${offering.name} som åbne data (HSDS)` },
        { type: 'text/calendar', href: `/tilbud/${encodeURIComponent(offering.slug)}/kalender.ics`, title: `${offering.name}: kalender` },
      ]}
    >
      <Breadcrumbs items={[{ text: 'Alle tilbud', href: withShortlist('/', shortlist) }, { text: offering.name }]} />
      <div class="row">
        <div class="col-12 col-lg-8">
          <h1>{offering.name}</h1>
          {statusText && status.state !== 'active' && (
            <Alert variant={statusVariants[status.state]}>
              {statusText}
              {showAlternatives && (
                <>
                  {' '}
                  <a href="#alternativer">Se steder, der passer til de samme</a>
                </>
              )}
            </Alert>
          )}
          <p>
            <PinLink slug={offering.slug} shortlist={shortlist} name={offering.name} />
          </p>
          <p class="font-lead">{offering.description}</p>
          {(offering.profile || groups.length > 0) && (
            <p>
              {`${[
                offering.profile ? `Hovedvægt: ${profiles[offering.profile].label.toLocaleLowerCase('da')}` : null,
                groups.length > 0 ? `Særligt for: ${listInDanish(groups).toLocaleLowerCase('da')}` : null,
              ]
                .filter(Boolean)
                .join('. ')}.`}
            </p>
          )}
          {showAlternatives && <Alternatives page={page} />}
          <Section id="foerste-gang" title="Sådan er det at komme første gang">
            <p>{offering.firstVisit ?? notToldYet}</p>
          </Section>
          <Section id="hvem-moeder-dig" title="Hvem møder dig">
            <p>{offering.whoMeetsYou ?? notToldYet}</p>
            <StructuredList
              rows={[
                { label: 'Personale', value: offering.staffing ? staffingLabels[offering.staffing] : notToldYet },
                { label: 'Stille rum', value: quietRoomText(offering) },
              ]}
            />
          </Section>
          <OpeningHoursThisWeek page={page} />
          <Activities page={page} />
          <Address offering={offering} />
          <Contact offering={offering} />
          <Operator offering={offering} />
          <History page={page} />
        </div>
      </div>
    </Layout>
  );
}
