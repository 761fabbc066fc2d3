import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PinLink } from './pin-link.tsx';

const html = (element: unknown) => String(element).replaceAll('\u2060', '');
const twelve = Array.from({ length: 12 }, (_, index) => `sted-${index + 1}`);

describe('PinLink', () => {
  it('adds the place at the end of the list, for screen readers with its name', () => {
    assert.equal(
      html(<PinLink slug="nabo" shortlist={['kompasset']} name="Nabo" />),
      '<a class="pin-link" href="/liste?steder=kompasset,nabo" rel="nofollow">Sæt på listen<span class="sr-only"> (Nabo)</span></a>',
    );
    assert.equal(html(<PinLink slug="nabo" shortlist={[]} />), '<a class="pin-link" href="/liste?steder=nabo" rel="nofollow">Sæt på listen</a>');
  });

  it('leads to the list when the place is on it already, or when the list is full', () => {
    assert.equal(
      html(<PinLink slug="nabo" shortlist={['nabo', 'kompasset']} />),
      '<a class="pin-link pin-link--pinned" href="/liste?steder=nabo,kompasset">På listen <span aria-hidden="true">✓</span> – se listen</a>',
    );
    assert.match(html(<PinLink slug="nabo" shortlist={twelve} />), /href="\/liste\?steder=sted-1,.*sted-12">Listen er fuld \(12 steder\) – se listen</);
  });
});
