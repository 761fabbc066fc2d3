import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Writer } from './pdf-writer.ts';

async function writer(paper: 'a4' | 'a5' = 'a4') {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  return { doc, font, writer: new Writer(doc, paper, new Set(font.getCharacterSet())) };
}

describe('the PDF writer', () => {
  it('keeps the Danish letters and replaces what the standard font cannot draw instead of failing', async () => {
    const { writer: w } = await writer();
    assert.equal(w.clean('Æble, øl og å – «café» é'), 'Æble, øl og å – «café» é');
    assert.equal(w.clean('Mødes\u00a0kl.\u202f10\u2060–\u206012 → hus ✓ 😊 Łódź'), 'Mødes kl. 10–12 -> hus ? ? ?ód?');
  });

  it('wraps at spaces within the width, cuts a word longer than a line, and starts a new page when one is full', async () => {
    const { doc, font, writer: w } = await writer('a5');
    const style = { font, size: 10 };
    const width = w.width - 2 * w.margin;
    const lines = w.wrap(`${'ord '.repeat(200)}${'x'.repeat(300)}`, style);
    assert.ok(lines.length > 5);
    for (const line of lines) assert.ok(font.widthOfTextAtSize(line, 10) <= width, line);
    assert.equal(lines.join(' ').replaceAll(' ', '').length, 200 * 3 + 300, 'nothing is lost');
    for (let index = 0; index < 80; index++) w.text(`Linje ${index}`, style);
    assert.ok(doc.getPageCount() >= 2);
    assert.deepEqual(doc.getPage(0).getSize(), { width: 419.53, height: 595.28 });
  });
});
