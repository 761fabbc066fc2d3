import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

export type AlternateLink = { type: string; href: string; title: string };

type LayoutProps = {
  title: string;
  alternates?: AlternateLink[];
  children: Child;
};

/**
 * Every public page: DKFDS header and footer, Danish language, a skip link and one main landmark.
 * Ported from DKFDS 11's skip-link, header (solution-info) and footer macros.
 */
export function Layout({ title, alternates = [], children }: LayoutProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Tilbudsvifte København`}</title>
        <link rel="stylesheet" href="/dkfds/css/dkfds.min.css" />
        <link rel="stylesheet" href="/static/site.css" />
        {alternates.map((link) => (
          <link rel="alternate" type={link.type} href={link.href} title={link.title} />
        ))}
      </head>
      <body>
        <a class="skipnav" href="#main-content">
          Gå til sidens indhold
        </a>
        <header class="header">
          <div class="solution-info">
            <div class="solution-info-inner container">
              <div class="solution-heading">
                <a href="/" aria-label="Tilbudsvifte København, forsiden">
                  Tilbudsvifte København
                </a>
              </div>
              <div class="additional-info">
                <p>
                  <strong class="authority-name">Københavns Kommune, Socialforvaltningen</strong>
                </p>
                <p>Aktivitets- og samværstilbud for borgere med psykiske vanskeligheder</p>
              </div>
            </div>
          </div>
        </header>
        <div class="container page-container">
          <main id="main-content" class="content">
            {children}
          </main>
        </div>
        <footer>
          <div class="footer">
            <div class="container">
              <ul class="align-text-left unstyled-list inline-list">
                <li>
                  <a href="/api/hsds/">Åbne data (HSDS)</a>
                </li>
                <li>
                  <a href="/api/openapi.json">API-beskrivelse</a>
                </li>
                <li>
                  <a href="/api/locations.geojson">Adresser som GeoJSON</a>
                </li>
              </ul>
            </div>
          </div>
        </footer>
      </body>
    </html>
    </>
  );
}
