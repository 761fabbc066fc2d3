import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { CsrfField } from './components/form.tsx';
import { SolutionHeader } from './components/header.tsx';
import { SkipLink } from './components/skip-link.tsx';
import { assetHref } from '../http/static-assets.ts';
import { adminNav } from './admin-nav.ts';

/**
 * Every back-office page: Danish only, the DKFDS header with who is signed in and a sign-out button,
 * one main landmark. Never cached, never indexed.
 */
export function AdminLayout({
  title,
  signedIn,
  stylesheets = [],
  children,
}: {
  title: string;
  signedIn: { name: string; csrfToken: string } | null;
  /** A page's own additions to site.css, under /static. */
  stylesheets?: string[];
  children: Child;
}) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="da">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${title} – Tilbudsvifte, administration`}</title>
          <link rel="stylesheet" href={assetHref('/static/dkfds/dkfds.css')} />
          <link rel="stylesheet" href={assetHref('/static/site.css')} />
          {stylesheets.map((href) => (
            <link rel="stylesheet" href={assetHref(href)} />
          ))}
        </head>
        <body>
          <SkipLink text="Gå til sidens indhold" />
          <SolutionHeader
            title={{ text: 'Tilbudsvifte – administration', href: '/admin' }}
            authority={{ name: 'Københavns Kommune', text: 'Socialforvaltningen' }}
          />
          {signedIn && (
            <nav class="container admin-bar" aria-label="Din konto">
              <p>
                Logget ind som <strong>{signedIn.name}</strong>
              </p>
              <ul class="nobullet-list admin-bar-links">
                <li>
                  <a href="/admin">Forside</a>
                </li>
                <li>
                  <a href="/admin/forfald">Forfald</a>
                </li>
                <li>
                  <a href="/admin/opgaver">Rettelser</a>
                </li>
                {adminNav().planning && (
                  <li>
                    <a href="/admin/planlaegning">Planlægning</a>
                  </li>
                )}
                {adminNav().gloria && (
                  <li>
                    <a href="/admin/gloria">Gloria</a>
                  </li>
                )}
                <li>
                  <form method="post" action="/admin/log-ud">
                    <CsrfField token={signedIn.csrfToken} />
                    <button type="submit" class="button button-tertiary">
                      Log ud
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          )}
          <div class="container page-container">
            <main id="main-content">{children}</main>
          </div>
        </body>
      </html>
    </>
  );
}
