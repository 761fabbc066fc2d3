import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildDkfdsSubset, collectUsedNames, complementRange, isSelectorUsed, outputDir, subsetCodePoints } from '../scripts/subset-dkfds.ts';

describe('the DKFDS subset (scripts/subset-dkfds.ts)', () => {
  it('is up to date: the checked-in src/web/static/dkfds is what `npm run build:dkfds` makes now', async () => {
    const built = await buildDkfdsSubset();
    const onDisk = fs.readdirSync(outputDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const names = onDisk.map((entry) => path.relative(outputDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    assert.deepEqual(names.sort(), [...built.keys()].sort(), 'the same files (run npm run build:dkfds)');
    for (const [name, content] of built) {
      assert.ok(content.equals(fs.readFileSync(path.join(outputDir, name))), `${name} is as built (run npm run build:dkfds)`);
    }
  });

  const used = collectUsedNames([
    '<div class="alert alert-info"><a class="button button-primary" href="/">x</a></div>',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal, as the script reads it
    'const cls = `button-${variant}`; document.createElement(\'button\');',
  ]);

  it('keeps a rule when every class, id and element in the selector can occur', () => {
    assert.equal(isSelectorUsed('.alert', used), true);
    assert.equal(isSelectorUsed('.alert .button', used), true);
    assert.equal(isSelectorUsed('div.alert>a.button:hover', used), true);
    assert.equal(isSelectorUsed('button.button-secondary', used), true, 'a class built in code from a prefix');
    assert.equal(isSelectorUsed('*,:after,:before', used), true);
    assert.equal(isSelectorUsed('[hidden]', used), true);
    assert.equal(isSelectorUsed('a:not(.pagination-link)', used), true, 'what :not() holds is not required');
    assert.equal(isSelectorUsed('.alert::-webkit-details-marker', used), true);
  });

  it('drops a rule that needs a class or element no page has', () => {
    assert.equal(isSelectorUsed('.modal', used), false);
    assert.equal(isSelectorUsed('.alert .modal-body', used), false);
    assert.equal(isSelectorUsed('table.alert', used), false);
    assert.equal(isSelectorUsed('#sidenav', used), false);
    assert.equal(isSelectorUsed('.alert-info+.tooltip', used), false);
  });

  it('has every Danish letter in the subset, and sends every other letter, but no line break, to the complete font', () => {
    for (const letter of 'æøåÆØÅé–…') assert.ok(subsetCodePoints.includes(letter.codePointAt(0)!), letter);
    assert.equal(complementRange([0x21, 0x22, 0x41]), 'U+20,U+23-40,U+42-7E,U+A0-10FFFF');
  });
});
