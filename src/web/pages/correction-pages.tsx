import { DanishText, danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, messages, type PageLanguage } from '../i18n/index.ts';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { CorrectionForm, type CorrectionFormProblem } from '../components/correction-form.tsx';
import { ErrorSummary } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

type Place = { slug: string; name: string };

function Crumbs({ offering, locale, last }: { offering: Place; locale: PageLanguage['locale']; last: string }) {
  return (
    <Breadcrumbs
      ariaLabel={messages[locale].breadcrumbs}
      items={[
        { text: messages[locale].allOfferings, href: hrefIn(locale, '/') },
        { text: offering.name, href: hrefIn(locale, `/tilbud/${encodeURIComponent(offering.slug)}`), lang: danishLang(locale) },
        { text: last },
      ]}
    />
  );
}

/** The correction form on a page of its own: where a form sent with problems comes back, with what was typed. */
export function CorrectionPage(
  props: { offering: Place; stamp: string; text: string; email: string; problems: CorrectionFormProblem[] } & PageLanguage,
) {
  const t = messages[props.locale].correction;
  const title = `${t.titleBefore}${props.offering.name}`;
  return (
    <Layout title={`${props.problems.length ? messages[props.locale].form.error : ''}${title}`} locale={props.locale} path={props.path}>
      <Crumbs offering={props.offering} locale={props.locale} last={t.summary} />
      <h1>
        {t.titleBefore}
        <DanishText locale={props.locale}>{props.offering.name}</DanishText>
      </h1>
      <p>{t.intro}</p>
      <ErrorSummary problems={props.problems} locale={props.locale} />
      <CorrectionForm
        slug={props.offering.slug}
        locale={props.locale}
        stamp={props.stamp}
        text={props.text}
        email={props.email}
        problems={props.problems}
      />
    </Layout>
  );
}

/** The receipt after a correction was sent: where it went, and what happens to an email. */
export function CorrectionReceiptPage(props: { offering: Place; ownerName: string | null } & PageLanguage) {
  const t = messages[props.locale].correction;
  return (
    <Layout title={t.receiptTitle} locale={props.locale} path={props.path}>
      <Crumbs offering={props.offering} locale={props.locale} last={t.receiptTitle} />
      <h1>{t.receiptTitle}</h1>
      <p>{props.ownerName ? t.receipt(props.ownerName) : t.receiptNoOwner}</p>
      <p>{t.receiptEmail}</p>
      <p>
        <a href={hrefIn(props.locale, `/tilbud/${encodeURIComponent(props.offering.slug)}`)}>
          {t.backTo}
          <DanishText locale={props.locale}>{props.offering.name}</DanishText>
        </a>
      </p>
    </Layout>
  );
}
