import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { againstTarget, certificationRefusal, cohortDeletionRefusal, progress, readCohort, readModule } from './peer.ts';

const modules = [
  { id: 'm1', title: 'Recovery og egen historie', hours: 6, courseSessionId: 's1' },
  { id: 'm2', title: 'Samtalen', hours: 4, courseSessionId: null },
];

describe('peer counsellors', () => {
  it('counts a module attended when recorded here or present at the course meeting it is', () => {
    assert.deepEqual(progress(modules, new Set(['m2']), new Set(['s1'])).hoursDone, 10);
    assert.equal(progress(modules, new Set(), new Set(['s1'])).missing[0]!.title, 'Samtalen');
    assert.equal(progress(modules, new Set(['m1']), new Set()).hoursDone, 6, 'a course module can also be recorded here');
  });

  it('certifies only when every module is done, and says which are missing', () => {
    assert.equal(certificationRefusal(modules, new Set(['m2']), new Set(['s1'])), null);
    assert.match(certificationRefusal(modules, new Set(), new Set(['s1']))!, /mangler modulet «Samtalen»/);
    assert.match(certificationRefusal(modules, new Set(), new Set())!, /modulerne «Recovery og egen historie», «Samtalen»/);
    assert.match(certificationRefusal([], new Set(), new Set())!, /ingen moduler/);
  });

  it('reads the year against the target of 10–12', () => {
    assert.equal(againstTarget(9, { min: 10, max: 12 }), 'below');
    assert.equal(againstTarget(12, { min: 10, max: 12 }), 'within');
    assert.equal(againstTarget(13, { min: 10, max: 12 }), 'above');
  });

  it('refuses a target upside down and hours that are not a number, in plain Danish', () => {
    const cohort = readCohort({ name: 'Peerhold 2027', year: '2027', targetMin: '12', targetMax: '10', course: '' }, []);
    assert.match(cohort.ok ? '' : cohort.problems[0]!.message, /mindst 12/);
    const module = readModule({ title: 'Samtalen', hours: 'fire', session: '' }, []);
    assert.match(module.ok ? '' : module.problems[0]!.message, /helt tal fra 1 til 100/);
  });

  it('lets a cohort be deleted only while nothing on it counts, and suggests closing it otherwise', () => {
    assert.equal(cohortDeletionRefusal({ certified: 0, sessionsWithAttendance: 0, closed: false }), null);
    assert.equal(
      cohortDeletionRefusal({ certified: 3, sessionsWithAttendance: 0, closed: false }),
      'Holdet har 3 certificerede peermedarbejdere, som tæller med i årets tal. Luk holdet i stedet: så kan der ikke skrives flere på, og tallene bliver stående.',
    );
    assert.match(cohortDeletionRefusal({ certified: 0, sessionsWithAttendance: 2, closed: true })!, /^Holdet har 2 møder med registreret fremmøde, .* allerede lukket/);
  });
});
