import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { everyWeek, type OpeningRule } from '../../domain/schedule/model.ts';
import { HoursSummary, summariseHours } from './hours-summary.tsx';

const html = (element: unknown) => String(element).replaceAll('\u2060', '');

const hours = (
  weekday: number,
  opens: string,
  closes: string,
  extra: { isUserRun?: boolean; isExample?: boolean } = {},
): OpeningRule => ({
  id: `${weekday}-${opens}`,
  weekday,
  opens,
  closes,
  isUserRun: extra.isUserRun ?? false,
  isStaffPresent: true,
  recurrence: everyWeek,
  validFrom: null,
  validTo: null,
  description: null,
  isExample: extra.isExample ?? false,
});

describe('summariseHours', () => {
  it('puts days with the same hours together, three or more in a row as a span', () => {
    assert.equal(
      summariseHours([1, 2, 3, 4].map((day) => hours(day, '09:00', '16:00')).concat(hours(5, '09:00', '13:00', { isUserRun: true })))?.replaceAll('\u2060', ''),
      'mandag–torsdag 09:00–16:00; fredag 09:00–13:00 (brugerstyret)',
    );
    assert.equal(
      summariseHours([hours(1, '10:00', '16:00'), hours(2, '10:00', '16:00'), hours(4, '10:00', '16:00'), hours(3, '13:00', '20:00')])?.replaceAll('\u2060', ''),
      'mandag, tirsdag og torsdag 10:00–16:00; onsdag 13:00–20:00',
    );
    assert.equal(
      summariseHours([hours(6, '14:00', '18:00'), hours(6, '10:00', '12:00')])?.replaceAll('\u2060', ''),
      'lørdag 10:00–12:00 og 14:00–18:00',
    );
    assert.equal(summariseHours([]), null);
  });

  it('marks made-up hours with the example-data badge', () => {
    assert.match(html(<HoursSummary hours={[hours(1, '10:00', '16:00', { isExample: true })]} />), /data-example="åbningstider">Åbningstider: mandag 10:00–16:00 <span class="badge badge-warning badge-example">eksempeldata<\/span>/);
    assert.equal(html(<HoursSummary hours={[]} />), '<p class="offering-meta">Åbningstiderne er ikke oplyst endnu.</p>');
  });
});
