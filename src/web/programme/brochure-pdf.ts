import type { Brochure } from '../../app/get-brochure.ts';
import type { Locale } from '../../domain/locale.ts';
import { formatDate } from '../../domain/time.ts';
import { hrefIn } from '../i18n/index.ts';
import { brochureText } from '../i18n/programme.ts';
import type { ProgrammeLayout } from '../pages/programme-page.tsx';
import { brochureTitle, placeFacts, placePath } from './brochure-text.ts';
import { drawQr, grey, millimetre, newPrintDocument, type Style, Writer } from './pdf-writer.ts';

/** The brochure as a PDF (ADR 034): the same places and words as /brochure, a QR code beside each place. */
export async function brochurePdf(
  brochure: Brochure,
  layout: ProgrammeLayout,
  baseUrl: string,
  locale: Locale = 'da',
): Promise<Uint8Array> {
  const t = brochureText[locale];
  const { doc, regular, bold, drawable } = await newPrintDocument(brochureTitle(brochure, locale), t.source, locale);
  const writer = new Writer(doc, layout.paper, drawable);
  const base = layout.largePrint ? 16 : layout.paper === 'a5' ? 9 : 10;
  const body: Style = { font: regular, size: base };
  const label: Style = { font: bold, size: base };
  const small: Style = { font: regular, size: Math.max(7, base - 2), colour: grey };

  writer.text(t.source, small);
  writer.text(t.kicker(brochure.district?.name ?? null), { font: bold, size: base + 2, gapBefore: 4 });
  writer.text(t.title, { font: bold, size: base * 1.7, gapBefore: 2 });
  writer.text(t.printedOn(formatDate(brochure.today, locale)), { ...small, gapBefore: 4 });
  writer.rule(1.5);
  writer.text(t.lead, { ...body, gapBefore: 2 });
  if (brochure.anyExample) writer.text(t.exampleNote, body);
  if (brochure.leftOut > 0) writer.text(t.leftOut(brochure.placeCount, brochure.leftOut), label);
  if (brochure.placeCount === 0) writer.text(t.empty, { ...label, gapBefore: base });

  const qrSize = (layout.largePrint ? 26 : layout.paper === 'a5' ? 16 : 20) * millimetre;
  const textWidth = writer.width - 2 * writer.margin - qrSize - 10;
  const nameStyle: Style = { font: bold, size: base + 2, gapBefore: base * 0.9 };
  const sectionStyle: Style = { font: bold, size: base + 4, gapBefore: base * 1.2 };
  const mark = (text: string, isExample: boolean) => (isExample ? `${text} [${t.exampleMark}]` : text);
  /** A place's lines, measured before drawing so that it can be kept on one page. */
  const layOut = (offering: Brochure['sections'][number]['places'][number]) => {
    const facts = placeFacts(offering, brochure.today, locale);
    const blocks: { lines: string[]; style: Style }[] = [
      { lines: writer.wrap(mark(offering.name, facts.isExample), nameStyle, textWidth), style: nameStyle },
    ];
    const add = (text: string | null, style: Style = body) => {
      if (text) blocks.push({ lines: writer.wrap(text, style, textWidth), style });
    };
    add(facts.status, label);
    add(facts.profile, { ...body, colour: grey });
    add(facts.description);
    add(`${t.address}: ${facts.address ?? t.noAddress}`);
    add(`${t.hours}: ${facts.hours ? mark(facts.hours, facts.hoursAreExample && !facts.isExample) : t.noHours}`);
    add(`${t.firstVisit}: ${facts.firstVisit ?? t.noFirstVisit}`);
    add(`${t.contact}: ${facts.contact ?? t.noContact}`);
    const text = (nameStyle.gapBefore ?? 0) + blocks.reduce((sum, block) => sum + block.lines.length * writer.lineHeight(block.style), 0);
    const height = Math.max(text, qrSize + (nameStyle.gapBefore ?? 0));
    // A place longer than most of a page may run over; any other is kept on one page.
    return { blocks, keep: height < writer.height * 0.6 ? height : 0 };
  };
  for (const section of brochure.sections) {
    const places = section.places.map(layOut);
    // A district's heading never stands alone at the foot of a page.
    writer.ensure(sectionStyle.size * 1.3 + (sectionStyle.gapBefore ?? 0) + 8 + (places[0]?.keep || 4 * writer.lineHeight(body)));
    writer.text(`${section.district ?? t.withoutDistrict} (${t.placeCount(section.places.length)})`, sectionStyle);
    writer.rule(0.5);
    section.places.forEach((offering, index) => {
      const { blocks, keep } = places[index]!;
      if (keep > 0) writer.ensure(keep);
      const top = writer.y - (nameStyle.gapBefore ?? 0);
      const page = writer.page;
      for (const block of blocks) writer.draw(block.lines, block.style);
      drawQr(page, `${baseUrl}${hrefIn(locale, placePath(offering))}`, writer.width - writer.margin - qrSize, top - qrSize, qrSize);
      if (writer.page === page) writer.y = Math.min(writer.y, top - qrSize);
    });
  }

  const pages = doc.getPages();
  const footer = Math.max(7, base - 2);
  pages.forEach((page, index) => {
    const text = writer.clean(`${brochureTitle(brochure, locale)} · ${t.page(index + 1, pages.length)}`);
    page.drawText(text, { x: writer.margin, y: writer.margin - footer, size: footer, font: regular, color: grey });
  });
  return doc.save({ useObjectStreams: true });
}
