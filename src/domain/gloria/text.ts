/**
 * Gloria's texts (ADR 037): the body format, text pasted from Word made clean, and LIX readability.
 *
 * The body is plain text: paragraphs with blank lines between them, a line beginning «## » is a subheading,
 * lines beginning «- » are list items, and a line `[[liste: …]]` is a live listing (filled in on the page
 * by another part of the platform; here it is only recognised, and left out of LIX).
 */

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] }
  /** `source` is the whole line as written, e.g. «[[liste: bydel=norrebro]]». */
  | { kind: 'listing'; source: string };

/** Characters Word and web pages leave in copied text that nobody can see: soft hyphens and zero-width ones. */
const invisible = /\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF|\u180E/g;
/** Spaces that are not spaces: no-break, narrow no-break, figure, thin, and the other fixed widths. */
const oddSpaces = /[\u00A0\u202F\u2007\u2000-\u2006\u2008-\u200A\u3000\t\v\f]/g;
/** A bullet Word or a web page puts at the start of a list line, followed by space. */
const bulletStart = /^[ ]*[•·–—▪◦‣○●■□∙]\s*/;

/** A live listing's line, as `readListingLine` (domain/gloria/listing-spec.ts, ADR 038) reads it: case and spaces free. */
export const listingLine = /^\[\[\s*liste\s*:.*\]\]$/iu;

/**
 * Text as pasted from Word made into the body format: Windows line ends, tabs and odd spaces become plain
 * ones; soft hyphens and zero-width characters go; a line beginning with a bullet («•», «·», «–» …) becomes
 * a list item «- »; spaces at line ends and runs of blank lines are tidied. Cleaning clean text changes nothing.
 */
export function cleanPastedText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(invisible, '')
    .replace(oddSpaces, ' ')
    // Other control characters (a stray vertical tab or NUL from a converter) are dropped.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .split('\n')
    .map((line) => {
      const listed = bulletStart.test(line) ? `- ${line.replace(bulletStart, '')}` : line;
      const trimmed = listed.replace(/ {2,}/g, ' ').trimEnd();
      // A list item or heading keeps its marker; other lines lose leading spaces (Word's indents).
      return trimmed.trimStart();
    });
  const out: string[] = [];
  for (const line of lines) {
    if (line === '- ' || line === '-') continue;
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** The body read into blocks: paragraphs (lines joined), subheadings, lists and live listings. */
export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list.length) blocks.push({ kind: 'list', items: list });
    paragraph = [];
    list = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
    } else if (listingLine.test(line)) {
      flush();
      blocks.push({ kind: 'listing', source: line });
    } else if (line.startsWith('## ')) {
      flush();
      const text = line.slice(3).trim();
      if (text) blocks.push({ kind: 'heading', text });
    } else if (line.startsWith('- ')) {
      if (paragraph.length) {
        blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
        paragraph = [];
      }
      const item = line.slice(2).trim();
      if (item) list.push(item);
    } else {
      if (list.length) {
        blocks.push({ kind: 'list', items: list });
        list = [];
      }
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

export type Lix = { score: number; words: number; sentences: number; longWords: number };

/** The target for texts to citizens: LIX 35 or below (easy to read). */
export const lixTarget = 35;

/**
 * LIX (læsbarhedsindeks): the average number of words per sentence plus the share of long words (more than
 * six letters) in per cent. Headings and list items count as sentences of their own; live listings are not
 * text and are left out. Null when there are no words.
 */
export function lix(blocks: readonly Block[]): Lix | null {
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  const count = (text: string) => {
    const found = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
    if (found.length === 0) return;
    words += found.length;
    longWords += found.filter((word) => [...word.replace(/[-'’]/g, '')].filter((ch) => /\p{L}/u.test(ch)).length > 6).length;
    // A sentence ends at . ! ? or : followed by space or the end; a text without any is one sentence.
    const ends = text.match(/[.!?:]+(?=\s|$)/g)?.length ?? 0;
    sentences += ends + (/[.!?:]\s*$/.test(text) ? 0 : 1);
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph' || block.kind === 'heading') count(block.text);
    else if (block.kind === 'list') for (const item of block.items) count(item);
  }
  if (words === 0) return null;
  return { score: Math.round(words / sentences + (longWords * 100) / words), words, sentences, longWords };
}

/** LIX in plain words, for the writer: how hard the text is to read, and the target. */
export function lixVerdict(score: number): { band: string; meetsTarget: boolean } {
  const band =
    score < 25 ? 'meget let at læse' : score < 35 ? 'let at læse' : score < 45 ? 'middelsvær' : score < 55 ? 'svær at læse' : 'meget svær at læse';
  return { band, meetsTarget: score <= lixTarget };
}

export const lixExplanation =
  'LIX er et tal for, hvor let en tekst er at læse. Det regnes ud fra, hvor lange sætningerne er, og hvor mange lange ord (over seks bogstaver) der er. Jo lavere tal, jo lettere. Tekster til borgere skal helst have LIX 35 eller mindre: skriv korte sætninger og brug almindelige ord.';
