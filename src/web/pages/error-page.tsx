import { hrefIn, type Locale, messages } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

/** An error in the language of the address; its language switcher leads to the front page in each language. */
export function ErrorPage({ title, detail, locale }: { title: string; detail: string; locale: Locale }) {
  return (
    <Layout title={title} locale={locale} path={null}>
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <a href={hrefIn(locale, '/')}>{messages[locale].errors.home}</a>
      </p>
    </Layout>
  );
}
