import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptySchedule, everyWeek, type OpeningRule, type Schedule } from '../schedule/model.ts';
import { type HoursPlace, hoursCoverage } from './hours-coverage.ts';

function rule(weekday: number, opens: string, closes: string): OpeningRule {
  return {
    id: `${weekday}-${opens}`,
    weekday,
    opens,
    closes,
    recurrence: everyWeek,
    validFrom: null,
    validTo: null,
    description: null,
    isExample: true,
    isUserRun: false,
    isStaffPresent: true,
  };
}

const schedule = (...rules: OpeningRule[]): Schedule => ({ ...emptySchedule, rules });

function place(id: string, district: string, hours: Schedule, extra: Partial<HoursPlace> = {}): HoursPlace {
  return {
    offeringId: id,
    slug: id,
    name: id,
    lat: 55.68,
    lon: 12.57,
    approximate: true,
    district,
    profile: 'social',
    targetGroups: [],
    state: 'open',
    schedule: hours,
    ...extra,
  };
}

const districts = [
  { slug: 'a', name: 'A' },
  { slug: 'b', name: 'B' },
];

describe('coverage in time', () => {
  // A week without holidays: Monday 2 March 2026.
  const date = '2026-03-04';

  it('sums the places’ hours and the hours with at least one place open, in the evening and at the weekend', () => {
    const result = hoursCoverage(
      [
        place('one', 'a', schedule(rule(1, '10:00', '14:00'), rule(6, '16:00', '20:00'))),
        place('two', 'a', schedule(rule(1, '12:00', '18:00')), { profile: 'development' }),
      ],
      districts,
      date,
    );
    assert.equal(result.from, '2026-03-02');
    assert.equal(result.to, '2026-03-08');
    const a = result.districts[0]!;
    assert.equal(a.all.placeHours, 14);
    assert.equal(a.all.coveredHours, 12); // Monday 10–18, Saturday 16–20
    assert.equal(a.all.eveningPlaceHours, 4); // Monday 17–18, Saturday 17–20
    assert.equal(a.all.eveningCoveredHours, 4);
    assert.equal(a.all.weekendPlaceHours, 4);
    assert.equal(a.all.places, 2);
    assert.equal(a.social.placeHours, 8);
    assert.equal(result.districts[1]!.all.placeHours, 0);
    assert.equal(result.city.all.placeHours, 14);
  });

  it('counts a closing place only until it closes', () => {
    const hours = schedule(...[1, 2, 3, 4, 5].map((weekday) => rule(weekday, '10:00', '12:00')));
    const result = hoursCoverage([place('closing', 'a', hours, { state: 'closing', closesOn: '2026-03-04' })], districts, date);
    assert.equal(result.districts[0]!.all.placeHours, 4); // Monday and Tuesday
  });
});
