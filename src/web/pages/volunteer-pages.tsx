import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, ErrorSummary, TextArea, TextInput } from '../components/form.tsx';
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

/** /tilbud/{slug}/frivillig: what volunteering here means, and a short form to be called back (Danish only). */
export function VolunteerPage(props: { offering: Place; stamp: string; form: ApplicationForm; problems: { field: string; message: string }[] } & PageLanguage) {
  const { offering, form, problems } = props;
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const title = `Bliv frivillig på ${offering.name}`;
  return (
    <Layout title={`${problems.length ? 'Fejl: ' : ''}${title}`} locale={props.locale} path={props.path} noIndex>
      <Crumbs offering={offering} locale={props.locale} last="Bliv frivillig" />
      <h1>{title}</h1>
      <p class="font-lead">Frivillige laver mad i aftenmadklubben, hjælper med økonomi og gæld eller er med i aktiviteterne.</p>
      <p>
        Før du får en opgave, taler vi med dig (screening), du får en introduktion, og vi sørger for, at du er forsikret. Skriv dit fornavn og et telefonnummer
        eller en e-mail, så ringer eller skriver vi. Du kan også bare komme forbi.
      </p>
      <ErrorSummary problems={problems} locale={props.locale} />
      <form method="post" action={`/tilbud/${offering.slug}/frivillig`} novalidate>
        <input type="hidden" name="stempel" value={props.stamp} />
        <TextInput id="name" name="name" label="Fornavn" value={form.name} error={error('name')} autocomplete="given-name" />
        <TextInput id="contact" name="contact" label="Telefon eller e-mail" value={form.contact} error={error('contact')} autocomplete="tel" hint="Vi bruger det kun til at kontakte dig om at blive frivillig." />
        <TextArea id="interests" name="interests" label="Hvad kunne du tænke dig at lave? (frivilligt)" value={form.interests} rows={3} error={error('interests')} />
        <TextInput id="area" name="area" label="Hvor i byen bor du? (frivilligt)" value={form.area} error={error('area')} hint="Fx Nørrebro. Det hjælper, hvis du vil være netværksven." />
        <TextInput id="languages" name="languages" label="Hvilke sprog taler du? (frivilligt)" value={form.languages} error={error('languages')} />
        <div class="form-group honeypot">
          <label class="form-label" for="efterlad-tom">
            Lad dette felt være tomt
          </label>
          <input class="form-input" type="text" id="efterlad-tom" name="efterlad_tom" value="" autocomplete="off" tabindex={-1} />
        </div>
        <Button>Send</Button>
      </form>
    </Layout>
  );
}

export function VolunteerReceiptPage(props: { offering: Place } & PageLanguage) {
  return (
    <Layout title="Tak, fordi du vil være frivillig" locale={props.locale} path={props.path} noIndex>
      <Crumbs offering={props.offering} locale={props.locale} last="Tak" />
      <h1>Tak, fordi du vil være frivillig</h1>
      <p>Vi kontakter dig. Hører du ikke fra os inden for et par uger, så kom forbi eller ring til {props.offering.name}.</p>
      <p>Dine oplysninger slettes efter et halvt år, hvis du ikke bliver frivillig.</p>
      <p>
        <a href={hrefIn(props.locale, `/tilbud/${props.offering.slug}`)}>Tilbage til {props.offering.name}</a>
      </p>
    </Layout>
  );
}
