import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { brochureText, programmeText } from './programme.ts';

/** Every string a catalogue says, its functions called with sample words. */
function sayings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [String(value('Amager Øst', '1. december 2026', '24. december 2026'))];
  if (typeof value === 'boolean' || value === null) return [];
  return Object.values(value as object).flatMap(sayings);
}

describe('the printed programme’s words', () => {
  it('every Danish and English word is one the PDF’s Helvetica (WinAnsi) can draw, so nothing is replaced', async () => {
    const doc = await PDFDocument.create();
    const fonts = [await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold)];
    for (const locale of ['da', 'en'] as const) {
      const words = [...sayings(programmeText[locale]), ...sayings(brochureText[locale])];
      assert.ok(words.length > 60, `${locale}: ${words.length} sayings`);
      for (const font of fonts) {
        const drawable = new Set(font.getCharacterSet());
        for (const text of words) {
          const missing = [...text].filter((char) => !drawable.has(char.codePointAt(0)!));
          assert.deepEqual(missing, [], `${locale}: «${text}»`);
          assert.doesNotThrow(() => font.encodeText(text));
        }
      }
    }
  });
});
