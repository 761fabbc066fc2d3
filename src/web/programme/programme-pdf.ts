import type { Programme } from '../../app/get-programme.ts';
import type { Locale } from '../../domain/locale.ts';
import { formatDate } from '../../domain/time.ts';
import { programmeText } from '../i18n/programme.ts';
import type { ProgrammeLayout } from '../pages/programme-page.tsx';
import {
  dayLabel,
  hoursLine,
  itemLines,
  periodLabel,
  placeAddress,
  placeHasExampleHours,
  programmeTitle,
  whereLabel,
} from './programme-text.ts';
import { drawQr, grey, millimetre, newPrintDocument, type Style, Writer } from './pdf-writer.ts';

/**
 * The programme as a PDF (ADR 034), drawn with pdf-lib in the same words as the HTML page: no browser at
 * run time.
 */

export async function programmePdf(
  programme: Programme,
  layout: ProgrammeLayout,
  liveUrl: string,
  locale: Locale = 'da',
): Promise<Uint8Array> {
  const t = programmeText[locale];
  const { doc, regular, bold, drawable } = await newPrintDocument(programmeTitle(programme, locale), t.source, locale);
  const base = layout.largePrint ? 16 : layout.paper === 'a5' ? 9 : 10;
  const body: Style = { font: regular, size: base };
  const writer = new Writer(doc, layout.paper, drawable);

  // The head: the title beside the QR code back to the live page.
  const qrSize = (layout.paper === 'a5' ? 24 : 30) * millimetre;
  const headWidth = writer.width - 2 * writer.margin - qrSize - 12;
  const top = writer.y;
  drawQr(writer.page, liveUrl, writer.width - writer.margin - qrSize, top - qrSize, qrSize);
  const small: Style = { font: regular, size: Math.max(7, base - 2), colour: grey };
  writer.draw(writer.wrap(t.source, small, headWidth), small);
  const kicker: Style = { font: bold, size: base + 2, gapBefore: 4 };
  writer.draw(writer.wrap(t.kickerFor(whereLabel(programme, locale)), kicker, headWidth), kicker);
  const title: Style = { font: bold, size: base * 1.7, gapBefore: 2 };
  writer.draw(writer.wrap(periodLabel(programme.period, locale), title, headWidth), title);
  writer.draw(writer.wrap(t.printedOn(formatDate(programme.today, locale)), { ...small, gapBefore: 4 }, headWidth), { ...small, gapBefore: 4 });
  writer.y = Math.min(writer.y, top - qrSize);
  const caption: Style = { font: regular, size: Math.max(6, base - 3), colour: grey };
  writer.page.drawText(writer.clean(t.qrCaption), {
    x: writer.width - writer.margin - Math.min(qrSize + 20, regular.widthOfTextAtSize(t.qrCaption, caption.size)),
    y: writer.y - caption.size - 1,
    size: caption.size,
    font: regular,
    color: grey,
  });
  writer.y -= caption.size + 4;
  writer.rule(1.5);
  if (programme.allExample) writer.text(t.allExample, { ...body, font: bold, gapBefore: 2 });
  else if (programme.anyExample) writer.text(t.someExample, { ...body, gapBefore: 2 });
  if (programme.cut) writer.text(t.cut(programme.cut.withinDay, formatDate(programme.cut.after, locale)), { ...body, font: bold, gapBefore: 2 });

  const mark = !programme.allExample;
  const dayStyle: Style = { font: bold, size: base + 3, gapBefore: base };
  const nameStyle: Style = { font: bold, size: base + 1, gapBefore: base * 0.5 };
  const itemIndent = base * 1.2;
  for (const day of programme.days) {
    // A day's heading never stands alone at the foot of a page.
    writer.ensure(dayStyle.size * 1.3 + (dayStyle.gapBefore ?? 0) + 4 + 4 * writer.lineHeight(body));
    writer.text(dayLabel(day, locale), dayStyle);
    writer.rule(0.5);
    for (const place of day.places) {
      const address = placeAddress(place, locale);
      const name = writer.wrap(place.offering.name, nameStyle);
      const hours = writer.wrap(
        `${hoursLine(place, locale)}${mark && placeHasExampleHours(place) ? ` [${t.exampleMark}]` : ''}${address ? ` · ${address}` : ''}`,
        body,
      );
      const items = itemLines(place, locale).map((item) =>
        writer.wrap(`${item.time}  ${item.text}${mark && item.isExample ? ` [${t.exampleMark}]` : ''}`, { ...body, indent: itemIndent }),
      );
      const itemCount = items.reduce((sum, lines) => sum + lines.length, 0);
      // Keep a place together when it fits on a page at all.
      const blockHeight = (nameStyle.gapBefore ?? 0) + writer.lineHeight(nameStyle) * name.length + writer.lineHeight(body) * (hours.length + itemCount);
      if (blockHeight < writer.height / 2) writer.ensure(blockHeight);
      writer.draw(name, nameStyle);
      writer.draw(hours, body);
      for (const lines of items) writer.draw(lines, { ...body, indent: itemIndent });
    }
  }
  writer.text(t.online(liveUrl), { ...small, gapBefore: base });

  const pages = doc.getPages();
  const footer = Math.max(7, base - 2);
  pages.forEach((page, index) => {
    const text = writer.clean(`${programmeTitle(programme, locale)} · ${t.page(index + 1, pages.length)}`);
    const lines = writer.wrap(text, { font: regular, size: footer });
    page.drawText(lines[0] ?? '', { x: writer.margin, y: writer.margin - footer, size: footer, font: regular, color: grey });
  });
  return doc.save({ useObjectStreams: true });
}
