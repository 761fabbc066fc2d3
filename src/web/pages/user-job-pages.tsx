import type { OpenUserJob } from '../../app/run-user-jobs.ts';
import type { Locale } from '../../domain/locale.ts';
import { userJobWords } from '../../domain/user-job/user-job.ts';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Choices, ErrorSummary, TextArea, TextInput, TrapField } from '../components/form.tsx';
import { formatDate } from '../../domain/time.ts';
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
    applyOnline: (title: string) => `Søg «${title}» her på siden`,
    formTitle: (title: string) => `Søg brugerjobbet «${title}»`,
    formIntro: (place: string) => `Skriv dit fornavn og et telefonnummer, eller sæt kryds, hvis du hellere kommer forbi ${place}. Du behøver ingen e-mail og intet CV.`,
    name: 'Fornavn',
    nameHint: 'Et kaldenavn er også fint.',
    phoneLabel: 'Telefon (frivilligt)',
    phoneHint: 'Så personalet kan ringe til dig.',
    comesByLegend: 'Uden telefon',
    comesBy: 'Jeg kommer forbi tilbuddet',
    message: 'Vil du fortælle lidt om dig selv? (frivilligt)',
    messageHint: 'Fx hvornår du kan, eller hvad du har prøvet før. Højst 500 tegn. Skriv ikke om dit helbred.',
    trap: 'Lad dette felt være tomt',
    send: 'Send ansøgningen',
    keep: (days: number) => `Personalet på tilbuddet ser din ansøgning. Vi sletter den efter ${days} dage.`,
    crumb: 'Søg',
    receiptTitle: 'Tak for din ansøgning',
    receiptCrumb: 'Tak',
    receiptPhone: (place: string, date: string) => `Personalet på ${place} ringer til dig senest ${date}.`,
    receiptComesBy: (place: string, date: string) => `Kom forbi ${place}, når det passer dig, og spørg personalet om jobbet. De har din ansøgning og svarer dig senest ${date}.`,
    receiptNoWord: (place: string) => `Har du ikke hørt noget til den tid, så kom forbi eller ring til ${place}.`,
    receiptDeleted: (date: string) => `Vi sletter din ansøgning ${date}.`,
    back: 'Tilbage til de ledige brugerjob',
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
    applyOnline: (title: string) => `Apply for “${title}” on this site`,
    formTitle: (title: string) => `Apply for the user job “${title}”`,
    formIntro: (place: string) => `Write your first name and a phone number, or tick the box if you would rather come by ${place}. You need no e-mail and no CV.`,
    name: 'First name',
    nameHint: 'A nickname is fine too.',
    phoneLabel: 'Phone (optional)',
    phoneHint: 'So the staff can call you.',
    comesByLegend: 'Without a phone',
    comesBy: 'I will come by the offering',
    message: 'Would you like to tell us a little about yourself? (optional)',
    messageHint: 'E.g. when you can, or what you have done before. At most 500 characters. Do not write about your health.',
    trap: 'Leave this field empty',
    send: 'Send the application',
    keep: (days: number) => `The offering’s staff see your application. We delete it after ${days} days.`,
    crumb: 'Apply',
    receiptTitle: 'Thank you for your application',
    receiptCrumb: 'Thank you',
    receiptPhone: (place: string, date: string) => `The staff at ${place} will call you by ${date}.`,
    receiptComesBy: (place: string, date: string) => `Come by ${place} when it suits you and ask the staff about the job. They have your application and will answer you by ${date}.`,
    receiptNoWord: (place: string) => `If you have not heard from them by then, come by or call ${place}.`,
    receiptDeleted: (date: string) => `We delete your application on ${date}.`,
    back: 'Back to the open user jobs',
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
      <p>
        <a href={hrefIn(locale, `/brugerjob/${job.id}/soeg`)}>{t.applyOnline(job.title)}</a>
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

export type JobApplicationForm = { name: string; phone: string; comesBy: boolean; message: string };

function ApplicationCrumbs({ locale, last }: { locale: Locale; last: string }) {
  return (
    <Breadcrumbs
      ariaLabel={messages[locale].breadcrumbs}
      items={[{ text: messages[locale].allOfferings, href: hrefIn(locale, '/') }, { text: words[locale].title, href: hrefIn(locale, '/brugerjob') }, { text: last }]}
    />
  );
}

/** /brugerjob/{id}/soeg: apply for an open user job with a first name and a phone or «I come by». */
export function JobApplicationPage(props: { job: OpenUserJob; stamp: string; form: JobApplicationForm; problems: { field: string; message: string }[]; keepDays: number } & PageLanguage) {
  const { job, form, problems, locale } = props;
  const t = words[locale];
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  return (
    <Layout title={`${problems.length ? `${messages[locale].form.error}` : ''}${t.formTitle(job.title)}`} locale={locale} path={props.path} noIndex>
      <ApplicationCrumbs locale={locale} last={t.crumb} />
      <h1>{t.formTitle(job.title)}</h1>
      <p>
        {t.kinds[job.kind]} · {t.hours(job.hoursPerWeek)} ·{' '}
        <a href={hrefIn(locale, `/tilbud/${job.offering.slug}`)} lang={danishLang(locale)}>
          {job.offering.name}
        </a>
      </p>
      <p lang={danishLang(locale)}>{job.description}</p>
      <p>{t.formIntro(job.offering.name)}</p>
      <ErrorSummary problems={problems} locale={locale} />
      <form method="post" action={hrefIn(locale, `/brugerjob/${job.id}/soeg`)} novalidate>
        <input type="hidden" name="stempel" value={props.stamp} />
        <TextInput id="name" name="name" label={t.name} value={form.name} error={error('name')} autocomplete="given-name" hint={t.nameHint} />
        <TextInput id="phone" name="phone" label={t.phoneLabel} type="tel" value={form.phone} error={error('phone')} autocomplete="tel" hint={t.phoneHint} />
        <Choices id="comesBy" name="comesBy" legend={t.comesByLegend} type="checkbox" items={[{ value: 'ja', label: t.comesBy, checked: form.comesBy }]} />
        <TextArea id="message" name="message" label={t.message} value={form.message} rows={3} error={error('message')} hint={t.messageHint} />
        <TrapField label={t.trap} />
        <Button>{t.send}</Button>
      </form>
      <p>{t.keep(props.keepDays)}</p>
    </Layout>
  );
}

/** /brugerjob/{id}/tak: who will contact the applicant and by when; nothing personal in the address. */
export function JobApplicationReceiptPage(props: { job: OpenUserJob; byPhone: boolean; answerBy: string; deleteAfter: string } & PageLanguage) {
  const { job, locale } = props;
  const t = words[locale];
  const when = formatDate(props.answerBy, locale);
  return (
    <Layout title={`${t.receiptTitle}: ${job.title}`} locale={locale} path={props.path} noIndex>
      <ApplicationCrumbs locale={locale} last={t.receiptCrumb} />
      <h1>{t.receiptTitle}</h1>
      <p class="font-lead">{props.byPhone ? t.receiptPhone(job.offering.name, when) : t.receiptComesBy(job.offering.name, when)}</p>
      <p>
        {t.receiptNoWord(job.offering.name)}
        {job.offering.phone && ` ${t.phone}: ${job.offering.phone}.`}
      </p>
      <p>{t.receiptDeleted(formatDate(props.deleteAfter, locale))}</p>
      <p>
        <a href={hrefIn(locale, '/brugerjob')}>{t.back}</a>
      </p>
    </Layout>
  );
}
