import type { JSX } from 'hono/jsx/jsx-runtime';
import type { GloriaTeam } from '../../app/run-gloria.ts';
import type { Locale } from '../../domain/locale.ts';
import { type Article, bylineOf, gloriaWords, imageExtension, type Theme } from '../../domain/gloria/article.ts';
import { parseBody } from '../../domain/gloria/text.ts';
import { copenhagenDate, formatDate } from '../../domain/time.ts';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button } from '../components/form.tsx';
import { GloriaBody } from '../components/gloria-body.tsx';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, messages, type PageLanguage } from '../i18n/index.ts';
import { type AlternateLink, Layout } from '../layout.tsx';

export const gloriaPublicWords = {
  da: {
    footer: 'Gloria – brugernes blad',
    title: 'Gloria – brugernes blad',
    intro:
      'Gloria er bladet, som brugerne af byens aktivitets- og samværstilbud selv skriver. Der er en redaktion i hver bydel og en for hele byen. Her finder du nyheder, artikler, livshistorier og temanumre.',
    filter: 'Vis tekster fra',
    filterAll: 'Hele byen og alle bydele',
    filterCity: 'Kun redaktionen for hele byen',
    show: 'Vis',
    themes: 'Temanumre',
    latest: 'Nyeste tekster',
    latestIn: (name: string) => `Nyeste tekster fra ${name}`,
    none: 'Der er ingen udgivne tekster her endnu.',
    feeds: 'Følg Gloria i din nyhedslæser',
    atom: 'Gloria som Atom-feed',
    rss: 'Gloria som RSS-feed',
    published: 'Udgivet',
    partOf: 'Fra temanummeret',
    themeTexts: 'Tekster i temanummeret',
    withdrawnTitle: 'Historien er trukket tilbage',
    withdrawn: 'Fortælleren har trukket sit samtykke tilbage, så historien er ikke længere på Gloria.',
    back: 'Til Gloria',
    kinds: gloriaWords.kinds,
    cityWide: 'Hele byen',
  },
  en: {
    footer: 'Gloria – the users’ magazine',
    title: 'Gloria – the users’ magazine',
    intro:
      'Gloria is the magazine written by the users of the city’s activity and community offerings themselves. There is an editorial team in each district and one for the whole city. Here you find news, articles, life stories and theme issues. The texts are in Danish.',
    filter: 'Show texts from',
    filterAll: 'The whole city and every district',
    filterCity: 'Only the city-wide team',
    show: 'Show',
    themes: 'Theme issues',
    latest: 'Latest texts',
    latestIn: (name: string) => `Latest texts from ${name}`,
    none: 'There are no published texts here yet.',
    feeds: 'Follow Gloria in your feed reader',
    atom: 'Gloria as an Atom feed',
    rss: 'Gloria as an RSS feed',
    published: 'Published',
    partOf: 'From the theme issue',
    themeTexts: 'Texts in the theme issue',
    withdrawnTitle: 'The story has been withdrawn',
    withdrawn: 'The storyteller has withdrawn their consent, so the story is no longer on Gloria.',
    back: 'To Gloria',
    kinds: gloriaWords.kindsEnglish,
    cityWide: 'The whole city',
  },
} satisfies Record<Locale, unknown>;

export const gloriaFeedLinks = (baseUrl: string): AlternateLink[] => [
  { type: 'application/atom+xml', href: `${baseUrl}/gloria/feed.atom`, title: 'Gloria (Atom)' },
  { type: 'application/rss+xml', href: `${baseUrl}/gloria/feed.rss`, title: 'Gloria (RSS)' },
];

export const imageHref = (image: { id: string; mime: keyof typeof imageExtension }) => `/gloria/billeder/${image.id}.${imageExtension[image.mime]}`;

function Crumbs({ locale, current, lang }: { locale: Locale; current?: string; lang?: string | undefined }) {
  return (
    <Breadcrumbs
      ariaLabel={messages[locale].breadcrumbs}
      items={[
        { text: messages[locale].allOfferings, href: hrefIn(locale, '/') },
        current ? { text: 'Gloria', href: hrefIn(locale, '/gloria') } : { text: 'Gloria' },
        ...(current ? [{ text: current, lang }] : []),
      ]}
    />
  );
}

const dateOf = (article: Article, locale: Locale) => (article.publishedAt ? formatDate(copenhagenDate(article.publishedAt), locale) : '');

/** One text in a list: its headline as a link, what kind, from where, when, and its lead. */
function ArticleCard({ article, locale, level }: { article: Article; locale: Locale; level: 'h2' | 'h3' }) {
  const t = gloriaPublicWords[locale];
  const lang = danishLang(locale);
  const Heading = level;
  return (
    <article class="gloria-card" aria-labelledby={`gloria-${article.id}`}>
      <Heading id={`gloria-${article.id}`}>
        <a href={hrefIn(locale, `/gloria/${article.slug}`)} lang={lang}>
          {article.title}
        </a>
        {article.isExample && (
          <>
            {' '}
            <ExampleDataBadge locale={locale} />
          </>
        )}
      </Heading>
      <p class="form-hint">
        {t.kinds[article.kind]} · <span lang={lang}>{bylineOf(article, locale)}</span> · {article.district?.name ?? t.cityWide} · {dateOf(article, locale)}
      </p>
      {article.lead && <p lang={lang}>{article.lead}</p>}
    </article>
  );
}

/** /gloria: the latest published texts, the theme issues, a filter by district, and the feeds. */
export function GloriaFrontPage(props: { articles: Article[]; themes: Theme[]; teams: GloriaTeam[]; district: string; baseUrl: string } & PageLanguage) {
  const t = gloriaPublicWords[props.locale];
  const lang = danishLang(props.locale);
  const chosen = props.teams.find((team) => (team.district?.slug ?? 'hele-byen') === props.district);
  return (
    <Layout title={chosen ? `${t.title}: ${chosen.district?.name ?? t.cityWide}` : t.title} locale={props.locale} path={props.path} alternates={gloriaFeedLinks(props.baseUrl)}>
      <Crumbs locale={props.locale} />
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      <form method="get" action={hrefIn(props.locale, '/gloria')} class="gloria-filter">
        <div class="form-group">
          <label class="form-label" for="bydel">
            {t.filter}
          </label>
          <select class="form-select" id="bydel" name="bydel">
            <option value="" selected={!chosen}>
              {t.filterAll}
            </option>
            <option value="hele-byen" selected={props.district === 'hele-byen'}>
              {t.filterCity}
            </option>
            {props.teams
              .filter((team) => team.district)
              .map((team) => (
                <option value={team.district!.slug} selected={props.district === team.district!.slug} lang={lang}>
                  {team.district!.name}
                </option>
              ))}
          </select>
        </div>
        <Button variant="secondary">{t.show}</Button>
      </form>
      {props.themes.length > 0 && !chosen && (
        <section aria-labelledby="gloria-themes">
          <h2 id="gloria-themes">{t.themes}</h2>
          <ul class="nobullet-list">
            {props.themes.map((theme) => (
              <li>
                <h3>
                  <a href={hrefIn(props.locale, `/gloria/tema/${theme.slug}`)} lang={lang}>
                    {theme.title}
                  </a>
                  {theme.isExample && (
                    <>
                      {' '}
                      <ExampleDataBadge locale={props.locale} />
                    </>
                  )}
                </h3>
                <p lang={lang}>{theme.intro.split('\n')[0]}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="gloria-latest">
        <h2 id="gloria-latest">{chosen ? t.latestIn(chosen.district?.name ?? t.cityWide) : t.latest}</h2>
        {props.articles.length === 0 ? <p>{t.none}</p> : props.articles.map((article) => <ArticleCard article={article} locale={props.locale} level="h3" />)}
      </section>
      <h2>{t.feeds}</h2>
      <ul>
        <li>
          <a href="/gloria/feed.atom">{t.atom}</a>
        </li>
        <li>
          <a href="/gloria/feed.rss">{t.rss}</a>
        </li>
      </ul>
    </Layout>
  );
}

/** /gloria/{slug}: one published text. `listings` fills the live listings in its body (see GloriaBody). */
export function GloriaArticlePage(props: { article: Article; theme: Theme | null; baseUrl: string; listings?: ReadonlyMap<string, JSX.Element> } & PageLanguage) {
  const t = gloriaPublicWords[props.locale];
  const lang = danishLang(props.locale);
  const { article } = props;
  return (
    <Layout title={article.title} locale={props.locale} path={props.path} alternates={gloriaFeedLinks(props.baseUrl)}>
      <Crumbs locale={props.locale} current={article.title} lang={lang} />
      <article class="gloria-article" aria-labelledby="gloria-title">
        <h1 id="gloria-title" lang={lang}>
          {article.title}
        </h1>
        {article.isExample && (
          <p>
            <ExampleDataBadge locale={props.locale} />
          </p>
        )}
        <p class="form-hint">
          {t.kinds[article.kind]} · <span lang={lang}>{bylineOf(article, props.locale)}</span> · {article.district?.name ?? t.cityWide} · {t.published}{' '}
          {dateOf(article, props.locale)}
        </p>
        {props.theme && (
          <p>
            {t.partOf}{' '}
            <a href={hrefIn(props.locale, `/gloria/tema/${props.theme.slug}`)} lang={lang}>
              {props.theme.title}
            </a>
          </p>
        )}
        {article.lead && (
          <p class="font-lead" lang={lang}>
            {article.lead}
          </p>
        )}
        {article.image && (
          <figure class="gloria-figure">
            <img src={imageHref(article.image)} alt={article.image.alt} lang={lang} />
          </figure>
        )}
        <GloriaBody blocks={parseBody(article.body)} mode="public" listings={props.listings} locale={props.locale} lang={lang} />
      </article>
      <p>
        <a href={hrefIn(props.locale, '/gloria')}>{t.back}</a>
      </p>
    </Layout>
  );
}

/** /gloria/{slug} for a life story whose storyteller withdrew consent: that it is gone, and nothing of it. */
export function GloriaWithdrawnPage(props: PageLanguage) {
  const t = gloriaPublicWords[props.locale];
  return (
    <Layout title={t.withdrawnTitle} locale={props.locale} path={props.path} noIndex>
      <Crumbs locale={props.locale} current={t.withdrawnTitle} />
      <h1>{t.withdrawnTitle}</h1>
      <p>{t.withdrawn}</p>
      <p>
        <a href={hrefIn(props.locale, '/gloria')}>{t.back}</a>
      </p>
    </Layout>
  );
}

/** /gloria/tema/{slug}: a published theme issue, its introduction and its texts in order. */
export function GloriaThemePage(props: { theme: Theme; articles: Article[]; baseUrl: string } & PageLanguage) {
  const t = gloriaPublicWords[props.locale];
  const lang = danishLang(props.locale);
  return (
    <Layout title={`${t.themes}: ${props.theme.title}`} locale={props.locale} path={props.path} alternates={gloriaFeedLinks(props.baseUrl)}>
      <Crumbs locale={props.locale} current={props.theme.title} lang={lang} />
      <h1 lang={lang}>{props.theme.title}</h1>
      {props.theme.isExample && (
        <p>
          <ExampleDataBadge locale={props.locale} />
        </p>
      )}
      <GloriaBody blocks={parseBody(props.theme.intro)} mode="public" locale={props.locale} lang={lang} />
      <h2>{t.themeTexts}</h2>
      {props.articles.length === 0 ? <p>{t.none}</p> : props.articles.map((article) => <ArticleCard article={article} locale={props.locale} level="h3" />)}
    </Layout>
  );
}
