import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Footer } from './components/footer.tsx';
import { SolutionHeader } from './components/header.tsx';
import { LanguageSwitcher } from './components/language-switcher.tsx';
import { SkipLink } from './components/skip-link.tsx';
import { hrefIn, languageNames, type Locale, locales, messages } from './i18n/index.ts';
import { assetHref } from '../http/static-assets.ts';

const preloadedFonts = ['TilbudsvifteSans-Regular.woff2', 'TilbudsvifteSans-SemiBold.woff2', 'TilbudsvifteSans-Bold.woff2'];

export type AlternateLink = { type: string; href: string; title: string };

type LayoutProps = {
  title: string;
  locale: Locale;
  /**
   * This page's address in its Danish form (path and query): the language switcher links to it in each
   * language, and the head names both versions. Null on an error page, which has no other version: the
   * switcher leads to the front page in each language, and the head names none.
   */
  path: string | null;
  alternates?: AlternateLink[];
  /** A personal page (a sign-up, a referral) reached by its own link: never indexed. */
  noIndex?: boolean;
  children: Child;
};

/**
 * Every public page: DKFDS header with the language switcher, and footer; the page's language on <html>,
 * the other language version in the head, a skip link and one main landmark.
 */
export function Layout({ title, locale, path, alternates = [], noIndex = false, children }: LayoutProps) {
  const t = messages[locale];
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {noIndex && <meta name="robots" content="noindex" />}
          <title>{`${title} – ${t.site.name}`}</title>
          <link rel="stylesheet" href={assetHref('/static/dkfds/dkfds.css')} />
          {/*
            The fonts every page draws with (body text, headings, the h1), asked for with the stylesheet instead
            of after it. From the cache they are then ready for the first layout, so the text does not reflow
            when they arrive, which would move a page opened at a #fragment away from it.
          */}
          {preloadedFonts.map((file) => (
            <link rel="preload" href={assetHref(`/static/dkfds/fonts/${file}`)} as="font" type="font/woff2" crossorigin="" />
          ))}
          <link rel="stylesheet" href={assetHref('/static/site.css')} />
          {alternates.map((link) => (
            <link rel="alternate" type={link.type} href={link.href} title={link.title} />
          ))}
          {path !== null &&
            locales.map((other) => <link rel="alternate" hreflang={other} href={hrefIn(other, path)} />)}
        </head>
        <body>
          <SkipLink text={t.site.skipLink} />
          <SolutionHeader
            top={
              <LanguageSwitcher
                ariaLabel={t.site.languages}
                languages={locales.map((code) => ({
                  code,
                  name: languageNames[code],
                  href: hrefIn(code, path ?? '/'),
                  isCurrent: code === locale,
                }))}
                note={t.site.danishContent}
              />
            }
            title={{ text: t.site.name, href: hrefIn(locale, '/'), ariaLabel: t.site.homeLabel }}
            authority={{ name: t.site.authorityName, text: t.site.authorityText }}
          />
          <div class="container page-container">
            <main id="main-content">
              {children}
            </main>
          </div>
          <Footer
            links={[
              { href: hrefIn(locale, '/kalender'), text: t.site.footer.calendar },
              { href: hrefIn(locale, '/forloeb'), text: t.site.footer.courses },
              { href: hrefIn(locale, '/kalender/daekning'), text: t.site.footer.coverage },
              { href: hrefIn(locale, '/tal'), text: t.site.footer.figures },
              { href: hrefIn(locale, '/planlaegning'), text: t.site.footer.planning },
              { href: hrefIn(locale, '/program'), text: t.site.footer.programme },
              { href: hrefIn(locale, '/gloria'), text: t.site.footer.gloria },
              { href: '/api/hsds/', text: t.site.footer.openData },
              { href: '/api/openapi.json', text: t.site.footer.api },
              { href: '/api/locations.geojson', text: t.site.footer.geojson },
            ]}
          />
        </body>
      </html>
    </>
  );
}
