/**
 * The part of DKFDS this site uses (ADR 017): `npm run build:dkfds` reads the installed dkfds package and
 * writes src/web/static/dkfds/ — dkfds.css with only the rules whose class, id and element names occur in
 * the site's views and scripts, and IBM Plex Sans cut down to the letters Danish and English pages use.
 * A test (test/dkfds-subset.test.ts) builds it again and fails when the checked-in files differ, so a new
 * class in a view cannot go out without its styles.
 *
 *   npm run build:dkfds
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontverter from 'fontverter';
import postcss, { type AtRule, type Root } from 'postcss';
import subsetFont from 'subset-font';
import { renameFont } from './sfnt-names.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dkfdsDist = path.join(root, 'node_modules/dkfds/dist');
export const outputDir = path.join(root, 'src/web/static/dkfds');
/** Where the views, components and client scripts live: every class name a page can carry is written there. */
const sourceDirs = ['src/web', 'src/http'].map((dir) => path.join(root, dir));

/**
 * The family name the cut-down fonts go by. IBM Plex Sans is under the SIL Open Font License with the
 * Reserved Font Name "Plex": a subset is a Modified Version, which may not carry that name. The complete,
 * unmodified files stay in the same family for any letter outside the subset.
 */
export const fontFamily = 'Tilbudsvifte Sans';

/**
 * The letters in the subset: ASCII, the Danish letters and the accented ones common in names, a few signs
 * and the typographic punctuation the pages write, the thin spaces browsers put in a time field, and the
 * word joiner the opening hours are held together with. Each further letter costs every font file a little; anything else on a page is drawn from the
 * complete font, which the browser then fetches.
 */
export const subsetCodePoints: readonly number[] = [
  ...range(0x20, 0x7e),
  ...[...'\u00a0§©«°·»×ÀÁÄÅÆÇÈÉÊÍÑÓÖØÚÜàáäåæçèéêíñóöøúü–—‘’‚“”„•…€\u2009\u202f\u2060'].map((letter) => letter.codePointAt(0)!),
].sort((a, b) => a - b);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

const hex = (value: number) => value.toString(16).toUpperCase();
const formatRanges = (ranges: readonly [number, number][]) =>
  ranges.map(([start, end]) => (start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`)).join(',');

/**
 * Every code point from U+20 to U+10FFFF that is not in `codePoints`, less the C1 controls. Line breaks and
 * tabs are left out on purpose: they are in every page's text and must not make the browser fetch a font.
 */
export function complementRange(codePoints: readonly number[]): string {
  const excluded = [...codePoints, ...range(0x7f, 0x9f)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  let next = 0x20;
  for (const point of excluded) {
    if (point > next) ranges.push([next, point - 1]);
    next = Math.max(next, point + 1);
  }
  ranges.push([next, 0x10ffff]);
  return formatRanges(ranges);
}

export type UsedNames = {
  /** Every word in the sources: a class or id is used if it is one of them. */
  words: Set<string>;
  /** Class names built in code (`button-${variant}`): every class that starts with one of these is used. */
  prefixes: string[];
  /** Elements written in JSX (`<table`) or made by a script (`createElement('button')`). */
  elements: Set<string>;
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dkfds' ? [] : sourceFiles(file);
    return /\.(tsx?|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The names the site's views and scripts can put on a page. Generous on purpose: a word too many keeps a rule. */
export function collectUsedNames(texts: readonly string[]): UsedNames {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  const elements = new Set(['html', 'head', 'body']);
  for (const text of texts) {
    for (const match of text.matchAll(/[A-Za-z_][\w-]*/g)) words.add(match[0]);
    for (const match of text.matchAll(/([A-Za-z][\w-]*-)\$\{/g)) prefixes.add(match[1]!);
    for (const match of text.matchAll(/<([a-z][a-z0-9]*)[\s/>]/g)) elements.add(match[1]!);
    for (const match of text.matchAll(/createElement\(['"]([a-z][a-z0-9]*)['"]\)/g)) elements.add(match[1]!);
  }
  return { words, prefixes: [...prefixes].sort(), elements };
}

/** Removes `:name(…)` with balanced parentheses: what :not(), :is(), :has() hold is never required. */
function withoutFunctionalPseudoClasses(selector: string): string {
  let result = '';
  for (let index = 0; index < selector.length; index++) {
    const functional = /^::?[a-zA-Z-]+\(/.exec(selector.slice(index));
    if (!functional) {
      result += selector[index];
      continue;
    }
    let depth = 0;
    let end = index + functional[0].length - 1;
    for (; end < selector.length; end++) {
      if (selector[end] === '(') depth++;
      else if (selector[end] === ')' && --depth === 0) break;
    }
    index = end;
  }
  return result;
}

/** Whether every class, id and element a selector requires can occur on one of the site's pages. */
export function isSelectorUsed(selector: string, used: UsedNames): boolean {
  const bare = withoutFunctionalPseudoClasses(selector.replace(/\[[^\]]*\]/g, '')).replace(/::?[a-zA-Z-]+/g, '');
  const isClassUsed = (name: string) => used.words.has(name) || used.prefixes.some((prefix) => name.startsWith(prefix));
  for (const match of bare.matchAll(/\.([\w-]+)/g)) if (!isClassUsed(match[1]!)) return false;
  for (const match of bare.matchAll(/#([\w-]+)/g)) if (!used.words.has(match[1]!)) return false;
  for (const match of bare.matchAll(/(?:^|[\s>+~])([a-zA-Z][a-zA-Z0-9]*)/g)) if (!used.elements.has(match[1]!.toLowerCase())) return false;
  return true;
}

type Face = { style: string; weight: string; file: string };

/** IBMPlexSans-SemiBoldItalic.woff2 -> TilbudsvifteSans-SemiBoldItalic.woff2 */
const subsetFileName = (face: Face) => face.file.replace(/^IBMPlexSans-/, `${fontFamily.replaceAll(' ', '')}-`);

/** DKFDS's @font-face rules for IBM Plex Sans: which weights and styles it declares, and their woff2 files. */
function plexFaces(css: Root): Face[] {
  const faces: Face[] = [];
  css.walkAtRules('font-face', (rule) => {
    const get = (prop: string) => rule.nodes?.find((node) => node.type === 'decl' && node.prop === prop);
    const family = get('font-family');
    if (family?.type !== 'decl' || !family.value.includes('IBM Plex Sans')) return;
    const src = get('src');
    const style = get('font-style');
    const weight = get('font-weight');
    const file = src?.type === 'decl' ? /url\(\.\.\/fonts\/IBMPlexSans\/complete\/woff2\/([\w-]+\.woff2)\)/.exec(src.value)?.[1] : undefined;
    if (!file || style?.type !== 'decl' || weight?.type !== 'decl') throw new Error(`Unexpected @font-face in dkfds: ${rule.toString()}`);
    faces.push({ style: style.value, weight: weight.value, file });
  });
  return faces;
}

function removeEmptyAtRules(css: Root) {
  let removed = true;
  while (removed) {
    removed = false;
    css.walkAtRules((rule: AtRule) => {
      if ((rule.name === 'media' || rule.name === 'supports') && (rule.nodes?.length ?? 0) === 0) {
        rule.remove();
        removed = true;
      }
    });
  }
}

function removeUnusedKeyframes(css: Root) {
  const animations = new Set<string>();
  css.walkDecls(/^animation(-name)?$/, (decl) => {
    for (const word of decl.value.split(/[\s,]+/)) animations.add(word);
  });
  css.walkAtRules('keyframes', (rule) => {
    if (!animations.has(rule.params)) rule.remove();
  });
}

/** DKFDS's stylesheet cut down to `used`, with the fonts' faces pointing at the subsets and the complete files. */
export function subsetStylesheet(source: string, used: UsedNames, version: string): { css: string; faces: Face[] } {
  const css = postcss.parse(source);
  const faces = plexFaces(css);
  css.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as AtRule).name)) return;
    const kept = rule.selectors.filter((selector) => isSelectorUsed(selector, used));
    if (kept.length === 0) rule.remove();
    else rule.selectors = kept;
  });
  css.walkAtRules('font-face', (rule) => {
    if (rule.toString().includes('IBM Plex Sans')) rule.remove();
  });
  removeEmptyAtRules(css);
  removeUnusedKeyframes(css);
  css.walkDecls((decl) => {
    decl.value = decl.value
      .replaceAll('IBM Plex Sans', `"${fontFamily}"`)
      .replace(/url\(\.\.\/img\/([^)]+)\)/g, (_match, file: string) => `url(/dkfds/img/${file})`);
  });
  const fallbackRange = complementRange(subsetCodePoints);
  // Among faces of one family, weight and style, the browser tries the one declared last first: the subset,
  // and for a letter it lacks, the complete file, whose range is every letter the subset does not have. The
  // subset itself has no unicode-range: with one, Chromium lays the page out again once it has matched the
  // letters, and a page opened at a #fragment ends up scrolled past it.
  const fontFaces = faces.map(
    (face) =>
      `@font-face{font-display:swap;font-family:"${fontFamily}";font-style:${face.style};font-weight:${face.weight};` +
      `src:url(/dkfds/fonts/IBMPlexSans/complete/woff2/${face.file}) format("woff2");unicode-range:${fallbackRange}}` +
      `@font-face{font-display:swap;font-family:"${fontFamily}";font-style:${face.style};font-weight:${face.weight};` +
      `src:url(/static/dkfds/fonts/${subsetFileName(face)}) format("woff2")}`,
  );
  const banner =
    `/* Generated by scripts/subset-dkfds.ts from dkfds ${version} (MIT, © Danish Business Authority & Danish Agency for ` +
    'Digitisation): only the rules this site uses. Fonts: IBM Plex Sans, © IBM Corp., SIL Open Font License 1.1 (fonts/OFL.txt). Do not edit. */\n';
  return { css: `${banner}${fontFaces.join('')}${css.toString()}\n`, faces };
}

/** Everything `npm run build:dkfds` writes, by path under src/web/static/dkfds. */
export async function buildDkfdsSubset(): Promise<Map<string, Buffer>> {
  const version = JSON.parse(fs.readFileSync(path.join(dkfdsDist, '../package.json'), 'utf8')).version as string;
  const used = collectUsedNames(sourceDirs.flatMap(sourceFiles).map((file) => fs.readFileSync(file, 'utf8')));
  const { css, faces } = subsetStylesheet(fs.readFileSync(path.join(dkfdsDist, 'css/dkfds.min.css'), 'utf8'), used, version);
  const files = new Map<string, Buffer>([['dkfds.css', Buffer.from(css)]]);
  const text = String.fromCodePoint(...subsetCodePoints);
  for (const face of faces) {
    const complete = fs.readFileSync(path.join(dkfdsDist, 'fonts/IBMPlexSans/complete/woff2', face.file));
    // Hinting is for Windows' rendering at small sizes of old; without it each file is about a third smaller.
    const subset = await subsetFont(complete, text, {
      targetFormat: 'sfnt',
      noHinting: true,
      keepFeatures: ['kern', 'liga', 'calt', 'ccmp', 'locl', 'mark', 'mkmk'],
    });
    const style = face.file.replace(/^IBMPlexSans-|\.woff2$/g, '').replace(/(?<=.)(Italic)$/, ' $1');
    const renamed = await fontverter.convert(renameFont(subset, fontFamily, style), 'woff2', 'sfnt');
    files.set(`fonts/${subsetFileName(face)}`, renamed);
  }
  files.set('fonts/OFL.txt', fs.readFileSync(path.join(dkfdsDist, 'fonts/IBMPlexSans/complete/woff2/license.txt')));
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildDkfdsSubset();
  fs.rmSync(outputDir, { recursive: true, force: true });
  for (const [name, content] of files) {
    fs.mkdirSync(path.dirname(path.join(outputDir, name)), { recursive: true });
    fs.writeFileSync(path.join(outputDir, name), content);
  }
  for (const [name, content] of files) console.log(`${path.relative(root, path.join(outputDir, name))}\t${(content.length / 1024).toFixed(1)} KB`);
}
