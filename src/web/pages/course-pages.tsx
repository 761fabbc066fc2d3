import type { CatalogueEntry, CourseCriteria } from '../../app/get-course-catalogue.ts';
import type { Participant, Referral } from '../../app/course-store.ts';
import {
  type Course,
  type CourseOccupancy,
  courseKindWords,
  courseKinds,
  coursePhase,
  courseSpan,
  courseTrackWords,
  courseTracks,
  freePlaces,
} from '../../domain/course/model.ts';
import { copenhagenDate, formatDate } from '../../domain/time.ts';
import { Alert } from '../components/alert.tsx';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, ErrorSummary, Select, TextInput } from '../components/form.tsx';
import { StructuredList } from '../components/structured-list.tsx';
import { DanishText, danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

export const courseHref = (slug: string, locale: Locale) => hrefIn(locale, `/forloeb/${encodeURIComponent(slug)}`);

function Crumbs({ locale, last }: { locale: Locale; last?: { text: string; lang?: 'da' | undefined } }) {
  const t = messages[locale];
  return (
    <Breadcrumbs
      ariaLabel={t.breadcrumbs}
      items={[
        { text: t.allOfferings, href: hrefIn(locale, '/') },
        last ? { text: t.courses.title, href: hrefIn(locale, '/forloeb') } : { text: t.courses.title },
        ...(last ? [last] : []),
      ]}
    />
  );
}

/** Where a course stands in one sentence: starts, running, full, cancelled, ended. */
function Availability({ course, occupancy, today, locale }: { course: Course; occupancy: CourseOccupancy; today: string; locale: Locale }) {
  const t = messages[locale].courses;
  const phase = coursePhase(course, today);
  if (phase === 'cancelled') return <>{t.cancelled(course.cancelReason ?? '')}</>;
  if (phase === 'ended') return <>{t.ended}</>;
  if (course.kind === 'referred') return <>{t.kindHelp.referred}</>;
  const free = freePlaces(course, occupancy);
  return <>{free > 0 ? t.freePlaces(free, course.capacity) : t.fullWithWaiting(occupancy.waitlisted)}</>;
}

/** When a course runs, in a phrase: starts on a date or runs until one, and how many meetings. */
export function CourseWhen({ course, today, locale }: { course: Course; today: string; locale: Locale }) {
  const t = messages[locale].courses;
  const span = courseSpan(course);
  if (!span) return <>{t.noSessions}</>;
  const count = course.sessions.filter((session) => !session.isCancelled).length;
  const first = formatDate(span.first, locale);
  return (
    <>
      {span.first > today ? t.startsOn(first) : t.runningUntil(formatDate(span.last, locale))} · {t.sessions(count)}
    </>
  );
}

/** The public course catalogue at /forloeb: a GET form (text, kind, track) and the courses that fit. */
export function CourseCataloguePage(props: { entries: CatalogueEntry[]; criteria: CourseCriteria; today: string } & PageLanguage) {
  const { locale } = props;
  const t = messages[locale].courses;
  const filtered = Boolean(props.criteria.text || props.criteria.kind || props.criteria.track);
  return (
    <Layout title={t.title} locale={locale} path={props.path}>
      <Crumbs locale={locale} />
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      <form method="get" action={hrefIn(locale, '/forloeb')} aria-label={t.filters}>
        <TextInput id="forloeb-q" name="q" type="search" label={t.text} hint={t.textHint} value={props.criteria.text ?? ''} locale={locale} />
        <Select
          id="forloeb-slags"
          name="slags"
          label={t.kind}
          options={[
            { value: '', text: t.anyKind, selected: !props.criteria.kind },
            ...courseKinds.map((kind) => ({ value: courseKindWords[kind], text: t.kinds[kind], selected: props.criteria.kind === kind })),
          ]}
        />
        <Select
          id="forloeb-spor"
          name="spor"
          label={t.track}
          options={[
            { value: '', text: t.anyTrack, selected: !props.criteria.track },
            ...courseTracks.map((track) => ({ value: courseTrackWords[track], text: t.tracks[track], selected: props.criteria.track === track })),
          ]}
        />
        <Button>{t.show}</Button>
      </form>
      <h2 id="forloeb-resultat" aria-live="polite">
        {t.count(props.entries.length)}
      </h2>
      {props.entries.length === 0 ? (
        <p>
          {t.none} <a href={hrefIn(locale, '/forloeb')}>{t.seeAll}</a>
        </p>
      ) : (
        <ul class="nobullet-list course-list">
          {props.entries.map(({ course, occupancy }) => (
            <li>
              <h3>
                <a href={courseHref(course.slug, locale)} lang={danishLang(locale)}>
                  {course.title}
                </a>
                {course.isExample && (
                  <>
                    {' '}
                    <ExampleDataBadge locale={locale} />
                  </>
                )}
              </h3>
              <p>
                <strong>{t.kinds[course.kind]}</strong> · {t.tracks[course.track]} · {t.at('')}
                <DanishText locale={locale}>{course.offering.name}</DanishText>
              </p>
              <p>
                <DanishText locale={locale}>{course.purpose}</DanishText>
              </p>
              <p>
                <CourseWhen course={course} today={props.today} locale={locale} /> ·{' '}
                <Availability course={course} occupancy={occupancy} today={props.today} locale={locale} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {filtered && props.entries.length > 0 && (
        <p>
          <a href={hrefIn(locale, '/forloeb')}>{t.seeAll}</a>
        </p>
      )}
    </Layout>
  );
}

function Sessions({ course, locale }: { course: Course; locale: Locale }) {
  const t = messages[locale].courses;
  if (course.sessions.length === 0) return <p>{t.noSessions}</p>;
  return (
    <ul>
      {course.sessions.map((session) => {
        const text = `${formatDate(session.date, locale)} ${session.startsAt}–${session.endsAt}`;
        const place = session.location ? [session.location.name, session.location.address].filter(Boolean).join(', ') : null;
        return (
          <li>
            {session.isCancelled ? (
              <>
                <del>{text}</del> ({t.sessionCancelled})
              </>
            ) : (
              text
            )}
            {place && (
              <>
                {' · '}
                <DanishText locale={locale}>{place}</DanishText>
              </>
            )}
            {session.placeNote && (
              <>
                {' · '}
                <DanishText locale={locale}>{session.placeNote}</DanishText>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export type JoinFormState = { name: string; contact: string; token: string; problems: { field: string; message: string }[] };

function CourseFacts({ course, occupancy, today, locale }: { course: Course; occupancy: CourseOccupancy; today: string; locale: Locale }) {
  const t = messages[locale].courses;
  const rows = [
    { label: t.facts.kind, value: `${t.kinds[course.kind]} – ${t.kindHelp[course.kind]}` },
    { label: t.facts.purpose, value: <DanishText locale={locale}>{course.purpose}</DanishText> },
    ...(course.goal ? [{ label: t.facts.goal, value: <DanishText locale={locale}>{course.goal}</DanishText> }] : []),
    { label: t.facts.targetGroup, value: <DanishText locale={locale}>{course.targetGroup}</DanishText> },
    { label: t.facts.track, value: t.tracks[course.track] },
    {
      label: t.facts.runBy,
      value: (
        <>
          {t.runBy[course.runBy]} ·{' '}
          <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(course.offering.slug)}`)} lang={danishLang(locale)}>
            {course.offering.name}
          </a>
          {course.operator && course.operator.name !== course.offering.name && (
            <>
              {' ('}
              <DanishText locale={locale}>{course.operator.name}</DanishText>)
            </>
          )}
        </>
      ),
    },
    { label: t.facts.when, value: <CourseWhen course={course} today={today} locale={locale} /> },
    { label: t.facts.places, value: <Availability course={course} occupancy={occupancy} today={today} locale={locale} /> },
    { label: t.facts.price, value: course.price ? <DanishText locale={locale}>{course.price}</DanishText> : t.free },
    { label: t.facts.language, value: course.language === 'da' ? t.danish : course.language },
    { label: t.facts.howToJoin, value: <DanishText locale={locale}>{course.howToJoin}</DanishText> },
  ];
  return <StructuredList rows={rows} />;
}

/** One course at /forloeb/{slug}: what it is, every meeting, and the form to join (open courses). */
export function CoursePage(
  props: { course: Course; occupancy: CourseOccupancy; today: string; form: JoinFormState | null } & PageLanguage,
) {
  const { course, locale } = props;
  const t = messages[locale].courses;
  const problem = (field: string) => props.form?.problems.find((item) => item.field === field)?.message;
  const full = freePlaces(course, props.occupancy) === 0;
  const phase = coursePhase(course, props.today);
  const hasErrors = Boolean(props.form?.problems.length);
  return (
    <Layout title={`${hasErrors ? messages[locale].form.error : ''}${course.title} – ${t.title}`} locale={locale} path={props.path}>
      <Crumbs locale={locale} last={{ text: course.title, lang: danishLang(locale) }} />
      <h1>
        <DanishText locale={locale}>{course.title}</DanishText>
        {course.isExample && (
          <>
            {' '}
            <ExampleDataBadge locale={locale} />
          </>
        )}
      </h1>
      {phase === 'cancelled' && (
        <Alert variant="warning" locale={locale}>
          <p>{t.cancelled(course.cancelReason ?? '')}</p>
        </Alert>
      )}
      <CourseFacts course={course} occupancy={props.occupancy} today={props.today} locale={locale} />
      {course.kind === 'referred' ? (
        <Alert variant="info" locale={locale}>
          <p>{t.join.referredOnly}</p>
        </Alert>
      ) : (
        props.form &&
        (phase === 'not_started' || phase === 'running') && (
          <section aria-labelledby="tilmeld">
            <h2 id="tilmeld">{full ? t.join.titleWaitlist : t.join.title}</h2>
            <ErrorSummary problems={props.form.problems} locale={locale} />
            <form method="post" action={`${courseHref(course.slug, locale)}/tilmeld`} novalidate>
              <input type="hidden" name="noegle" value={props.form.token} />
              <TextInput
                id="tilmeld-navn"
                name="navn"
                label={t.join.name}
                hint={t.join.nameHint}
                value={props.form.name}
                autocomplete="given-name"
                error={problem('tilmeld-navn')}
                locale={locale}
              />
              <TextInput
                id="tilmeld-kontakt"
                name="kontakt"
                label={t.join.contact}
                hint={t.join.contactHint}
                value={props.form.contact}
                error={problem('tilmeld-kontakt')}
                locale={locale}
              />
              <Button>{full ? t.join.submitWaitlist : t.join.submit}</Button>
            </form>
          </section>
        )
      )}
      <h2>{t.allSessions}</h2>
      <Sessions course={course} locale={locale} />
    </Layout>
  );
}

/** The person's own sign-up, reached by the personal link: where they stand, and leaving with one click. */
export function MyEnrolmentPage(
  props: { participant: Participant; course: Course; ahead: number; again: boolean; token: string; today: string } & PageLanguage,
) {
  const { participant, course, locale } = props;
  const t = messages[locale].courses;
  const title =
    participant.state === 'enrolled'
      ? t.mine.enrolledTitle
      : participant.state === 'waitlisted'
        ? t.mine.waitlistedTitle
        : t.mine.leftTitle;
  const active = participant.state === 'enrolled' || participant.state === 'waitlisted';
  return (
    <Layout title={`${title} – ${course.title}`} locale={locale} path={props.path} noIndex>
      <Crumbs locale={locale} last={{ text: course.title, lang: danishLang(locale) }} />
      <h1>{title}</h1>
      {props.again && (
        <Alert variant="info" locale={locale}>
          <p>{t.mine.again}</p>
        </Alert>
      )}
      {participant.state === 'removed' && (
        <Alert variant="warning" locale={locale}>
          <p>{t.mine.removed}</p>
        </Alert>
      )}
      {course.status === 'cancelled' && (
        <Alert variant="warning" locale={locale}>
          <p>{t.cancelled(course.cancelReason ?? '')}</p>
        </Alert>
      )}
      <p>
        <a href={courseHref(course.slug, locale)} lang={danishLang(locale)}>
          {course.title}
        </a>{' '}
        · <DanishText locale={locale}>{course.offering.name}</DanishText>
      </p>
      {participant.state === 'waitlisted' && (
        <>
          <p class="font-lead">{t.mine.waitlistedText(props.ahead)}</p>
          <p>{t.mine.waitlistedNotice}</p>
        </>
      )}
      {participant.state === 'enrolled' && participant.promotedAt && <p class="font-lead">{t.mine.promoted}</p>}
      {participant.state === 'left' && <p>{t.mine.leftText}</p>}
      {active && (
        <>
          <p>{t.mine.keepLink}</p>
          <StructuredList
            rows={[
              { label: t.mine.yourName, value: participant.displayName },
              { label: t.mine.contactGiven, value: participant.contact ?? t.mine.noContact },
            ]}
          />
          <h2>{t.allSessions}</h2>
          <Sessions course={course} locale={locale} />
          <form method="post" action={hrefIn(locale, `/forloeb/tilmelding/${props.token}/afmeld`)}>
            <p class="form-hint">{t.mine.leaveHint}</p>
            <Button variant="secondary">{t.mine.leave}</Button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** The citizen's view of their referral, by the personal link the referrer handed over. */
export function MyReferralPage(props: { referral: Referral; course: Course; token: string } & PageLanguage) {
  const { referral, course, locale } = props;
  const t = messages[locale].courses.referral;
  const withdrawn = referral.consentWithdrawnAt !== null;
  return (
    <Layout title={`${t.title} – ${course.title}`} locale={locale} path={props.path} noIndex>
      <Crumbs locale={locale} last={{ text: t.title }} />
      <h1>{t.title}</h1>
      <p>
        {t.introBefore}
        <a href={courseHref(course.slug, locale)} lang={danishLang(locale)}>
          {course.title}
        </a>
        {t.introAfter}
      </p>
      {withdrawn && (
        <Alert variant="info" locale={locale}>
          <p>{t.withdrawn}</p>
        </Alert>
      )}
      <p class="font-lead">
        <strong>{t.states[referral.state]}</strong>
        {referral.reason && (
          <>
            {' – '}
            {t.reason}: <DanishText locale={locale}>{referral.reason}</DanishText>
          </>
        )}
      </p>
      <StructuredList rows={[{ label: t.referredBy, value: `${referral.referrerName}, ${referral.referrerOrganisation}` }]} />
      <h2>{t.history}</h2>
      <ul>
        {referral.events.map((event) => (
          <li>
            {formatDate(copenhagenDate(event.at), locale)}: {t.states[event.state]}
            {event.reason && (
              <>
                {' – '}
                <DanishText locale={locale}>{event.reason}</DanishText>
              </>
            )}
          </li>
        ))}
      </ul>
      {!withdrawn && referral.consentShared && (
        <section aria-labelledby="samtykke">
          <h2 id="samtykke">{t.consentTitle}</h2>
          <StructuredList
            rows={[
              { label: t.consentShared, value: <DanishText locale={locale}>{referral.consentShared}</DanishText> },
              { label: t.consentWith, value: <DanishText locale={locale}>{referral.consentWith ?? ''}</DanishText> },
              { label: t.consentUntil, value: referral.consentUntil ? formatDate(referral.consentUntil, locale) : '' },
            ]}
          />
          <form method="post" action={hrefIn(locale, `/henvisning/${props.token}/traek-samtykke`)}>
            <p class="form-hint">{t.withdrawHint}</p>
            <Button variant="secondary">{t.withdraw}</Button>
          </form>
        </section>
      )}
    </Layout>
  );
}
