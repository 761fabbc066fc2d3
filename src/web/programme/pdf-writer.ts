import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { Locale } from '../../domain/locale.ts';
import { encodeQr } from '../qr/qr-code.ts';
import { qrPath } from '../qr/qr-svg.tsx';

/**
 * A small page writer on pdf-lib for the printed programme and the brochure (ADR 034): lines wrapped at
 * word boundaries, a new page when the next line does not fit, and QR codes drawn as squares. Helvetica
 * is one of the PDF standard fonts, so nothing is embedded; its WinAnsi encoding has æ, ø and å. A
 * character outside it is replaced, never allowed to fail the document.
 */

export const millimetre = 72 / 25.4;
export const paperSizes = { a4: [595.28, 841.89], a5: [419.53, 595.28] } as const;
export const ink = rgb(0.1, 0.1, 0.1);
export const grey = rgb(0.35, 0.35, 0.35);

/** Characters the standard fonts cannot draw, spelled with ones they can. */
const replacements: Record<string, string> = { '\u2060': '', '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2011': '-', '→': '->' };

export type Style = { font: PDFFont; size: number; colour?: ReturnType<typeof rgb>; indent?: number; gapBefore?: number };

export class Writer {
  readonly doc: PDFDocument;
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  readonly bottom: number;
  page!: PDFPage;
  y = 0;
  private readonly drawable: Set<number>;

  constructor(doc: PDFDocument, paper: 'a4' | 'a5', drawable: Set<number>) {
    this.doc = doc;
    [this.width, this.height] = paperSizes[paper];
    this.margin = (paper === 'a4' ? 14 : 10) * millimetre;
    this.bottom = this.margin + 14;
    this.drawable = drawable;
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage([this.width, this.height]);
    this.y = this.height - this.margin;
  }

  clean(text: string): string {
    let out = '';
    for (const char of text) {
      if (char in replacements) out += replacements[char];
      else out += this.drawable.has(char.codePointAt(0)!) ? char : '?';
    }
    return out;
  }

  /** The text broken into lines that fit `width`, at word boundaries (a word longer than a line is cut). */
  wrap(text: string, style: Style, width = this.width - 2 * this.margin - (style.indent ?? 0)): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.clean(text).split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (style.font.widthOfTextAtSize(candidate, style.size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (style.font.widthOfTextAtSize(line, style.size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && style.font.widthOfTextAtSize(line.slice(0, cut), style.size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  lineHeight(style: Style) {
    return style.size * 1.3;
  }

  /** Room for `height` points, or a new page. */
  ensure(height: number) {
    if (this.y - height < this.bottom) this.newPage();
  }

  draw(lines: string[], style: Style) {
    this.y -= style.gapBefore ?? 0;
    for (const line of lines) {
      this.ensure(this.lineHeight(style));
      this.y -= style.size;
      this.page.drawText(line, { x: this.margin + (style.indent ?? 0), y: this.y, size: style.size, font: style.font, color: style.colour ?? ink });
      this.y -= style.size * 0.3;
    }
  }

  text(text: string, style: Style) {
    this.draw(this.wrap(text, style), style);
  }

  rule(thickness: number) {
    this.y -= 3;
    this.page.drawLine({
      start: { x: this.margin, y: this.y },
      end: { x: this.width - this.margin, y: this.y },
      thickness,
      color: ink,
    });
    this.y -= 4;
  }
}

/** A QR code with the standard's quiet zone, as one path of runs of dark modules (as on the HTML page). */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const code = encodeQr(text);
  const module = size / (code.size + 8);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  // An SVG path's y runs downwards from the point given: the top left corner.
  page.drawSvgPath(qrPath(code), { x, y: y + size, scale: module, color: rgb(0, 0, 0) });
}


/**
 * A new printed document (the programme, the brochure): its title, language and source in the PDF's properties,
 * and the two standard fonts it is written in (Helvetica, WinAnsi: æ, ø, å and the other letters the words use).
 */
export async function newPrintDocument(title: string, subject: string, locale: Locale) {
  const doc = await PDFDocument.create();
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage(locale === 'da' ? 'da-DK' : 'en-GB');
  doc.setAuthor('Tilbudsvifte København');
  doc.setSubject(subject);
  doc.setCreator('Tilbudsvifte');
  doc.setProducer('Tilbudsvifte');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  return { doc, regular, bold, drawable: new Set(regular.getCharacterSet()) };
}
