import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, ErrorSummary, TextArea, TextInput, TrapField } from '../components/form.tsx';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

type Place = { slug: string; name: string };
export type ApplicationForm = { name: string; contact: string; interests: string; area: string; languages: string };

function Crumbs({ offering, locale, last }: { offering: Place; locale: PageLanguage['locale']; last: string }) {
  return (
    <Breadcrumbs
      ariaLabel={messages[locale].breadcrumbs}
      items={[
        { text: messages[locale].allOfferings, href: hrefIn(locale, '/') },
        { text: offering.name, href: hrefIn(locale, `/tilbud/${offering.slug}`), lang: danishLang(locale) },
        { text: last },
      ]}
    />
  );
}

const volunteerWords = {
  da: {
    title: (place: string) => `Bliv frivillig på ${place}`,
    crumb: 'Bliv frivillig',
    lead: 'Frivillige laver mad i aftenmadklubben, hjælper med økonomi og gæld eller er med i aktiviteterne.',
    intro: 'Før du får en opgave, taler vi med dig (screening), du får en introduktion, og vi sørger for, at du er forsikret. Skriv dit fornavn og et telefonnummer eller en e-mail, så ringer eller skriver vi. Du kan også bare komme forbi.',
    name: 'Fornavn',
    contact: 'Telefon eller e-mail',
    contactHint: 'Vi bruger det kun til at kontakte dig om at blive frivillig.',
    interests: 'Hvad kunne du tænke dig at lave? (frivilligt)',
    area: 'Hvor i byen bor du? (frivilligt)',
    areaHint: 'Fx Nørrebro. Det hjælper, hvis du vil være netværksven.',
    languages: 'Hvilke sprog taler du? (frivilligt)',
    trap: 'Lad dette felt være tomt',
    send: 'Send',
    thanks: 'Tak, fordi du vil være frivillig',
    crumbThanks: 'Tak',
    weCall: (place: string) => `Vi kontakter dig. Hører du ikke fra os inden for et par uger, så kom forbi eller ring til ${place}.`,
    deleted: 'Dine oplysninger slettes efter et halvt år, hvis du ikke bliver frivillig.',
    back: (place: string) => `Tilbage til ${place}`,
  },
  en: {
    title: (place: string) => `Volunteer at ${place}`,
    crumb: 'Volunteer',
    lead: 'Volunteers cook in the evening food club, help with money and debt, or take part in the activities.',
    intro: 'Before you get a task, we talk with you (screening), you get an introduction, and we make sure you are insured. Write your first name and a phone number or an e-mail address, and we will call or write. You can also just come by.',
    name: 'First name',
    contact: 'Phone or e-mail',
    contactHint: 'We only use it to contact you about volunteering.',
    interests: 'What would you like to do? (optional)',
    area: 'Where in the city do you live? (optional)',
    areaHint: 'E.g. Nørrebro. It helps if you would like to be a network friend.',
    languages: 'Which languages do you speak? (optional)',
    trap: 'Leave this field empty',
    send: 'Send',
    thanks: 'Thank you for wanting to volunteer',
    crumbThanks: 'Thank you',
    weCall: (place: string) => `We will contact you. If you have not heard from us within a couple of weeks, come by or call ${place}.`,
    deleted: 'Your details are deleted after half a year if you do not become a volunteer.',
    back: (place: string) => `Back to ${place}`,
  },
} satisfies Record<PageLanguage['locale'], unknown>;

/** /tilbud/{slug}/frivillig: what volunteering here means, and a short form to be called back, in both languages. */
export function VolunteerPage(props: { offering: Place; stamp: string; form: ApplicationForm; problems: { field: string; message: string }[] } & PageLanguage) {
  const { offering, form, problems } = props;
  const t = volunteerWords[props.locale];
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const title = t.title(offering.name);
  return (
    <Layout title={`${problems.length ? messages[props.locale].form.error : ''}${title}`} locale={props.locale} path={props.path} noIndex>
      <Crumbs offering={offering} locale={props.locale} last={t.crumb} />
      <h1>{title}</h1>
      <p class="font-lead">{t.lead}</p>
      <p>{t.intro}</p>
      <ErrorSummary problems={problems} locale={props.locale} />
      <form method="post" action={hrefIn(props.locale, `/tilbud/${offering.slug}/frivillig`)} novalidate>
        <input type="hidden" name="stempel" value={props.stamp} />
        <TextInput id="name" name="name" label={t.name} value={form.name} error={error('name')} autocomplete="given-name" />
        <TextInput id="contact" name="contact" label={t.contact} value={form.contact} error={error('contact')} autocomplete="tel" hint={t.contactHint} />
        <TextArea id="interests" name="interests" label={t.interests} value={form.interests} rows={3} error={error('interests')} />
        <TextInput id="area" name="area" label={t.area} value={form.area} error={error('area')} hint={t.areaHint} />
        <TextInput id="languages" name="languages" label={t.languages} value={form.languages} error={error('languages')} />
        <TrapField label={t.trap} />
        <Button>{t.send}</Button>
      </form>
    </Layout>
  );
}

export function VolunteerReceiptPage(props: { offering: Place } & PageLanguage) {
  const t = volunteerWords[props.locale];
  return (
    <Layout title={t.thanks} locale={props.locale} path={props.path} noIndex>
      <Crumbs offering={props.offering} locale={props.locale} last={t.crumbThanks} />
      <h1>{t.thanks}</h1>
      <p>{t.weCall(props.offering.name)}</p>
      <p>{t.deleted}</p>
      <p>
        <a href={hrefIn(props.locale, `/tilbud/${props.offering.slug}`)}>{t.back(props.offering.name)}</a>
      </p>
    </Layout>
  );
}
