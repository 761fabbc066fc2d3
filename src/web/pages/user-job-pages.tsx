import type { OpenUserJob } from '../../app/run-user-jobs.ts';
import type { Locale } from '../../domain/locale.ts';
import { userJobWords } from '../../domain/user-job/user-job.ts';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

const words = {
  da: {
    title: 'Ledige brugerjob',
    intro: 'Brugerjob er opgaver, brugerne selv løser på tilbuddene: booking, service for kursister, caféen og redaktion. Du søger på stedet eller i telefonen; du behøver ingen e-mail.',
    none: 'Der er ingen ledige brugerjob lige nu.',
    kinds: userJobWords.kinds,
    hours: (n: number) => `${n} ${n === 1 ? 'time' : 'timer'} om ugen`,
    free: (n: number) => `${n} ${n === 1 ? 'ledig plads' : 'ledige pladser'}`,
    apply: 'Sådan søger du',
    phone: 'Telefon',
    offeringTitle: 'Ledige brugerjob her',
  },
  en: {
    title: 'Open user jobs',
    intro: 'User jobs are tasks users do themselves at the offerings: bookings, serving course participants, the café and editorial work. You apply in person or by phone; you need no e-mail.',
    none: 'There are no open user jobs right now.',
    kinds: userJobWords.kindsEnglish,
    hours: (n: number) => `${n} ${n === 1 ? 'hour' : 'hours'} a week`,
    free: (n: number) => `${n} ${n === 1 ? 'free place' : 'free places'}`,
    apply: 'How to apply',
    phone: 'Phone',
    offeringTitle: 'Open user jobs here',
  },
} satisfies Record<Locale, unknown>;

function Job({ job, locale, withOffering, level }: { job: OpenUserJob; locale: Locale; withOffering: boolean; level: 'h2' | 'h3' }) {
  const t = words[locale];
  const lang = danishLang(locale);
  const Heading = level;
  return (
    <article aria-labelledby={`job-${job.id}`}>
      <Heading id={`job-${job.id}`} lang={lang}>
        {job.title}
        {job.isExample && (
          <>
            {' '}
            <ExampleDataBadge locale={locale} />
          </>
        )}
      </Heading>
      <p>
        {t.kinds[job.kind]} · {t.hours(job.hoursPerWeek)} · {t.free(job.seats - job.holding)}
        {withOffering && (
          <>
            {' · '}
            <a href={hrefIn(locale, `/tilbud/${job.offering.slug}`)} lang={lang}>
              {job.offering.name}
            </a>
          </>
        )}
      </p>
      <p lang={lang}>{job.description}</p>
      <p>
        <strong>{t.apply}:</strong> <span lang={lang}>{job.howToApply}</span>
        {job.offering.phone && ` ${t.phone}: ${job.offering.phone}.`}
      </p>
    </article>
  );
}

/** /brugerjob: every user job with a free place, by offering. */
export function UserJobListPage(props: { jobs: OpenUserJob[] } & PageLanguage) {
  const t = words[props.locale];
  return (
    <Layout title={t.title} locale={props.locale} path={props.path}>
      <Breadcrumbs ariaLabel={messages[props.locale].breadcrumbs} items={[{ text: messages[props.locale].allOfferings, href: hrefIn(props.locale, '/') }, { text: t.title }]} />
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      {props.jobs.length === 0 ? <p>{t.none}</p> : props.jobs.map((job) => <Job job={job} locale={props.locale} withOffering level="h2" />)}
    </Layout>
  );
}

/** The offering page's section: its open user jobs. */
export function OfferingUserJobs({ jobs, locale }: { jobs: OpenUserJob[]; locale: Locale }) {
  return (
    <section aria-labelledby="brugerjob">
      <h2 id="brugerjob">{words[locale].offeringTitle}</h2>
      {jobs.map((job) => (
        <Job job={job} locale={locale} withOffering={false} level="h3" />
      ))}
    </section>
  );
}
