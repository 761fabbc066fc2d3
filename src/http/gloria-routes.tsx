import { Hono } from 'hono';
import type { CourseStore } from '../app/course-store.ts';
import { listingsByLine } from '../app/get-live-listings.ts';
import type { RangeRepository } from '../app/ports.ts';
import { parseBody } from '../domain/gloria/text.ts';
import { listingViews } from '../web/components/live-listing.tsx';
import { NotFoundError } from '../app/errors.ts';
import type { GloriaStore } from '../app/run-gloria.ts';
import type { Locale } from '../web/i18n/index.ts';
import { GloriaArticlePage, GloriaFrontPage, GloriaThemePage, GloriaWithdrawnPage } from '../web/pages/gloria-pages.tsx';
import { pageLanguage } from './page-language.ts';
import { gloriaAtom, gloriaRss } from './presenters/gloria-feed.ts';

type GloriaRouteDeps = { gloria: GloriaStore; baseUrl: string; now: () => Date };
/** The live data a text's listings are cut from (ADR 038). */
type ListingRouteDeps = { range: RangeRepository; courses: { store: CourseStore } };

const notFound = () => new NotFoundError('Teksten findes ikke på Gloria. Den kan være taget af siden. Se de nyeste tekster på /gloria.');

/** /gloria, /gloria/{slug}, /gloria/tema/{slug} (ADR 037): published texts and theme issues, in each language. */
export function gloriaRoutes(deps: GloriaRouteDeps & ListingRouteDeps, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/gloria', async (c) => {
    const teams = await deps.gloria.teams();
    const asked = (c.req.query('bydel') ?? '').slice(0, 80);
    // An unknown district shows the whole city rather than an empty page.
    const district = teams.some((team) => (team.district?.slug ?? 'hele-byen') === asked) ? asked : '';
    const [articles, themes] = await Promise.all([deps.gloria.published({ districtSlug: district || undefined, limit: 30 }), deps.gloria.themes({ publishedOnly: true })]);
    return c.html(<GloriaFrontPage articles={articles} themes={themes} teams={teams} district={district} baseUrl={deps.baseUrl} {...pageLanguage(c, locale)} />);
  });
  app.get('/gloria/tema/:slug', async (c) => {
    const theme = await deps.gloria.themeBySlug(c.req.param('slug'));
    if (theme?.state !== 'published') throw notFound();
    const articles = (await deps.gloria.themeArticles(theme.id)).filter((article) => article.state === 'published');
    return c.html(<GloriaThemePage theme={theme} articles={articles} baseUrl={deps.baseUrl} {...pageLanguage(c, locale)} />);
  });
  app.get('/gloria/:slug', async (c) => {
    const article = await deps.gloria.articleBySlug(c.req.param('slug'));
    if (article?.state === 'withdrawn') return c.html(<GloriaWithdrawnPage {...pageLanguage(c, locale)} />, 410);
    if (article?.state !== 'published') throw notFound();
    const theme = article.themeId ? await deps.gloria.theme(article.themeId) : null;
    const lines = parseBody(article.body).flatMap((block) => (block.kind === 'listing' ? [block.source] : []));
    const listings = lines.length ? listingViews(await listingsByLine(lines, { range: deps.range, courses: deps.courses.store }, deps.now()), locale) : undefined;
    return c.html(
      <GloriaArticlePage article={article} theme={theme?.state === 'published' ? theme : null} baseUrl={deps.baseUrl} listings={listings} {...pageLanguage(c, locale)} />,
    );
  });
  return app;
}

/** The feeds and the images (one address for both languages): registered before /gloria/{slug}. */
export function gloriaFeedRoutes(deps: GloriaRouteDeps) {
  const app = new Hono();
  const latest = () => deps.gloria.published({ limit: 30 });
  app.get('/gloria/feed.atom', async (c) => {
    c.header('content-type', 'application/atom+xml; charset=utf-8');
    c.header('cache-control', 'public, max-age=300');
    return c.body(gloriaAtom(await latest(), deps.baseUrl, deps.now()));
  });
  app.get('/gloria/feed.rss', async (c) => {
    c.header('content-type', 'application/rss+xml; charset=utf-8');
    c.header('cache-control', 'public, max-age=300');
    return c.body(gloriaRss(await latest(), deps.baseUrl, deps.now()));
  });
  app.get('/gloria/billeder/:file', async (c) => {
    const match = /^([0-9a-f-]{36})\.(jpg|png|webp)$/.exec(c.req.param('file'));
    const image = match ? await deps.gloria.image(match[1]!) : null;
    // Only a published text's image is public; a new upload has a new address, so it can be kept for a year.
    if (image?.articleState !== 'published') throw new NotFoundError('Billedet findes ikke.');
    const bytes = image.bytes.buffer.slice(image.bytes.byteOffset, image.bytes.byteOffset + image.bytes.byteLength) as ArrayBuffer;
    return c.body(bytes, 200, { 'content-type': image.mime, 'cache-control': 'public, max-age=31536000, immutable' });
  });
  return app;
}
