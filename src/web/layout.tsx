import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Footer } from './components/footer.tsx';
import { SolutionHeader } from './components/header.tsx';
import { SkipLink } from './components/skip-link.tsx';

export type AlternateLink = { type: string; href: string; title: string };

type LayoutProps = {
  title: string;
  alternates?: AlternateLink[];
  children: Child;
};

/** Every public page: DKFDS header and footer, Danish language, a skip link and one main landmark. */
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
          <SkipLink />
          <SolutionHeader
            title={{ text: 'Tilbudsvifte København', href: '/', ariaLabel: 'Tilbudsvifte København, forsiden' }}
            authority={{
              name: 'Københavns Kommune, Socialforvaltningen',
              text: 'Aktivitets- og samværstilbud for borgere med psykiske vanskeligheder',
            }}
          />
          <div class="container page-container">
            <main id="main-content">
              {children}
            </main>
          </div>
          <Footer
            links={[
              { href: '/kalender', text: 'Kalender' },
              { href: '/kalender/daekning', text: 'Dækning: hvor og hvornår er der åbent' },
              { href: '/api/hsds/', text: 'Åbne data (HSDS)' },
              { href: '/api/openapi.json', text: 'API-beskrivelse' },
              { href: '/api/locations.geojson', text: 'Adresser som GeoJSON' },
            ]}
          />
        </body>
      </html>
    </>
  );
}
