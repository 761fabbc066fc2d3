import { type Article, bylineOf, gloriaWords } from '../../domain/gloria/article.ts';
import { parseBody } from '../../domain/gloria/text.ts';

/** Text for XML: the five characters that mean something there escaped, and characters XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 allows, to drop the others.
      .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
  );
}

/** What a feed says about a text: its lead, or its first paragraph. */
function summaryOf(article: Article): string {
  if (article.lead) return article.lead;
  const first = parseBody(article.body).find((block) => block.kind === 'paragraph');
  return first && first.kind === 'paragraph' ? first.text.slice(0, 400) : '';
}

const title = 'Gloria – brugernes blad';
const description = 'Nyheder, artikler, livshistorier og temanumre fra brugernes egne redaktioner i Københavns bydele.';

/** The latest published texts as Atom (RFC 4287), every link absolute. */
export function gloriaAtom(articles: readonly Article[], baseUrl: string, now: Date): string {
  const updated = (articles[0]?.publishedAt ?? now).toISOString();
  const entries = articles.map((article) => {
    const link = `${baseUrl}/gloria/${article.slug}`;
    const at = (article.publishedAt ?? article.updatedAt).toISOString();
    return [
      '  <entry>',
      `    <title>${xmlText(article.title)}</title>`,
      `    <id>${xmlText(link)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      `    <published>${at}</published>`,
      `    <updated>${at}</updated>`,
      `    <author><name>${xmlText(bylineOf(article))}</name></author>`,
      `    <category term="${article.kind}" label="${xmlText(gloriaWords.kinds[article.kind])}"/>`,
      `    <summary>${xmlText(summaryOf(article))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">',
    `  <title>${xmlText(title)}</title>`,
    `  <subtitle>${xmlText(description)}</subtitle>`,
    `  <id>${xmlText(`${baseUrl}/gloria`)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${baseUrl}/gloria/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${baseUrl}/gloria`)}"/>`,
    `  <updated>${updated}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** The same texts as RSS 2.0, dates in RFC 822 form. */
export function gloriaRss(articles: readonly Article[], baseUrl: string, now: Date): string {
  const items = articles.map((article) => {
    const link = `${baseUrl}/gloria/${article.slug}`;
    return [
      '    <item>',
      `      <title>${xmlText(article.title)}</title>`,
      `      <link>${xmlText(link)}</link>`,
      `      <guid isPermaLink="true">${xmlText(link)}</guid>`,
      `      <pubDate>${(article.publishedAt ?? article.updatedAt).toUTCString()}</pubDate>`,
      `      <category>${xmlText(gloriaWords.kinds[article.kind])}</category>`,
      `      <description>${xmlText(summaryOf(article))}</description>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xmlText(title)}</title>`,
    `    <link>${xmlText(`${baseUrl}/gloria`)}</link>`,
    `    <description>${xmlText(description)}</description>`,
    '    <language>da</language>',
    `    <atom:link href="${xmlText(`${baseUrl}/gloria/feed.rss`)}" rel="self" type="application/rss+xml"/>`,
    `    <lastBuildDate>${(articles[0]?.publishedAt ?? now).toUTCString()}</lastBuildDate>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
