import type { Context } from 'hono';
import { Hono } from 'hono';
import { decideTimesProposal } from '../../app/decide-times-proposal.ts';
import { type ActivityChange, activityFingerprint, editActivities } from '../../app/edit-activities.ts';
import type { OfferingForEdit } from '../../app/edit-offering.ts';
import { editSchedule, type OfferingTimes, type SavedTimesChange, scheduleFingerprint, type TimesProposal } from '../../app/edit-schedule.ts';
import { ForbiddenError, NotFoundError } from '../../app/errors.ts';
import { proposeActivityChange, proposeSchedule } from '../../app/propose-times-change.ts';
import { activityStateFingerprint, restoreTimes } from '../../app/restore-times.ts';
import { can, editGoesToReview } from '../../domain/access/policy.ts';
import { type HolidayKey, holidaysBetween } from '../../domain/schedule/holidays.ts';
import { type Activity, everyWeek, type Schedule } from '../../domain/schedule/model.ts';
import { daysOf } from '../../domain/schedule/timetable.ts';
import { validateSchedule } from '../../domain/schedule/validate.ts';
import { addDays, copenhagenDate, formatDanishDate, weekOf } from '../../domain/time.ts';
import { ActivitiesPage, ActivityPage, type ActivityPageProps, SchedulePage, type SchedulePageProps, timesProposalPath } from '../../web/pages/admin/schedule-pages.tsx';
import { type TimesNow, TimesChangedSincePage, TimesHistoryPage, TimesProposalPage } from '../../web/pages/admin/times-review-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';
import { activityFieldIdOf, fieldIdOf, readActivityForm, readDate, readScheduleForm } from './schedule-form.ts';

const noHoursMessage =
  'Formularen har ingen faste åbningstider, så den offentlige side vil ikke vise nogen. Sæt kryds i «Ja, gem uden faste åbningstider», hvis det er meningen. Lukker stedet, registreres det som tilbuddets status.';

const newActivity = (): Activity => ({
  id: '',
  name: '',
  description: null,
  kind: 'other',
  when: { kind: 'repeats', weekday: 0, recurrence: everyWeek, validFrom: null, validTo: null },
  startsAt: '',
  endsAt: null,
  place: null,
  isUserRun: false,
  cancelledOn: [],
  isExample: false,
});

/**
 * A new activity, prefilled from a council's decision (ADR 033) when the link from the meeting carries one: the
 * decision as its name, the day of the decision in the note, run by the users. Nothing is saved until the form is.
 */
export function fromCouncilDecision(decision: string | undefined, decidedOn: string | undefined): Activity {
  const blank = newActivity();
  const name = decision?.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!name) return blank;
  return { ...blank, name, description: `${decidedBy(decidedOn)}.`, isUserRun: true };
}

/** «Besluttet af brugerrådet den 20. november 2026», the day left out when the link carries none that is valid. */
function decidedBy(decidedOn: string | undefined) {
  const valid = decidedOn && /^\d{4}-\d{2}-\d{2}$/.test(decidedOn) && !Number.isNaN(Date.parse(`${decidedOn}T00:00:00Z`));
  return `Besluttet af brugerrådet${valid ? ` den ${formatDanishDate(decidedOn)}` : ''}`;
}

/** New user-run opening hours, prefilled from a council's decision: the decision and its day as the note. */
function hoursFromCouncilDecision(decision: string | undefined, decidedOn: string | undefined) {
  const text = decision?.replace(/\s+/g, ' ').trim().slice(0, 150);
  return text ? { description: `${text} – ${decidedBy(decidedOn).toLocaleLowerCase('da')}` } : null;
}

/**
 * /admin/tilbud/{slug}/aabningstider and /aktiviteter: staff edit an offering's opening hours and its
 * activities (ADR 010, 012, 015). Seeing takes 'offering.view'; changing takes 'offering.edit', and for a
 * person whose edits wait for the centre's review a change becomes a proposal, decided at
 * /tider/forslag/{id} with 'review.decide' (ADR 022). /tider/fortryd undoes a change, /tider/historik
 * lists them and /tider/gendan restores what was there before one.
 */
export function scheduleRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();

  const load = async (slug: string) => {
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    return offering;
  };
  const timesOf = async (offering: OfferingForEdit): Promise<OfferingTimes> => {
    const times = await deps.times.timesOf(offering.id);
    if (!times) throw new NotFoundError('Tilbuddet findes ikke længere.');
    return times;
  };
  const goesToReview = (c: Context<AdminEnv>, offering: OfferingForEdit) =>
    editGoesToReview(c.get('session')!.principal, offering, offering.operatorNeedsReview);
  /** The person may change this offering's times: directly, or (`proposes`) as a proposal for the centre. */
  const editor = (c: Context<AdminEnv>, offering: OfferingForEdit) => {
    const session = authorize(c, 'offering.edit', offering);
    return { session, proposes: goesToReview(c, offering) };
  };
  /** Undo and restore write directly, so they take a person whose edits do not wait for review. */
  const directEditor = (c: Context<AdminEnv>, offering: OfferingForEdit) => {
    const { session, proposes } = editor(c, offering);
    if (proposes) {
      throw new ForbiddenError(
        'Dine ændringer af dette tilbud skal godkendes af centret, så du kan ikke fortryde eller gendanne direkte. Ret åbningstiderne eller aktiviteten, og send ændringen til godkendelse. Intet er ændret.',
      );
    }
    return session;
  };
  /** The proposals of one kind the person should see here: those waiting for their decision, and their own. */
  const proposalsFor = async (c: Context<AdminEnv>, offering: OfferingForEdit, kind: TimesProposal['change']['kind']) => {
    const principal = c.get('session')!.principal;
    const decides = can(principal, 'review.decide', offering);
    return (await deps.times.proposals({ offeringId: offering.id }))
      .filter((proposal) => proposal.change.kind === kind)
      .filter((proposal) => (decides && proposal.status === 'pending') || proposal.proposedBy.id === principal.accountId)
      .slice(0, 10);
  };
  const auditIdOf = (value: string | undefined) => (value && /^\d{1,18}$/.test(value) ? value : null);
  const actorOf = (c: Context<AdminEnv>) => {
    const principal = c.get('session')!.principal;
    return { id: principal.accountId, name: principal.name };
  };
  const today = () => copenhagenDate(deps.access.now());

  const holidayDates = () => {
    const dates: Partial<Record<HolidayKey, string>> = {};
    for (const holiday of holidaysBetween(today(), addDays(today(), 366))) dates[holiday.key] ??= holiday.date;
    return dates;
  };

  const schedulePage = async (
    c: Context<AdminEnv>,
    offering: OfferingForEdit,
    props: Partial<SchedulePageProps> & { schedule: Schedule; readAt: string },
    status: 200 | 400 | 409 = 200,
  ) => {
    const session = c.get('session')!;
    const stored = props.conflict ?? (await timesOf(offering)).schedule;
    return c.html(
      <SchedulePage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        canEdit={can(session.principal, 'offering.edit', offering)}
        goesToReview={goesToReview(c, offering)}
        problems={[]}
        saved={false}
        conflict={null}
        askNoHours={false}
        preview={null}
        hasExamples={[...stored.rules, ...stored.exceptions].some((item) => item.isExample)}
        holidayDates={holidayDates()}
        {...props}
      />,
      status,
    );
  };

  app.get('/:slug/aabningstider', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'offering.view', offering);
    const { schedule } = await timesOf(offering);
    return schedulePage(c, offering, {
      schedule,
      readAt: scheduleFingerprint(schedule),
      saved: c.req.query('gemt') === '1',
      undo: auditIdOf(c.req.query('aendring')),
      undone: c.req.query('fortrudt') === '1',
      proposed: c.req.query('foreslaaet') === '1',
      proposals: await proposalsFor(c, offering, 'schedule'),
      fromDecision: hoursFromCouncilDecision(c.req.query('beslutning'), c.req.query('besluttet')),
    });
  });

  app.post('/:slug/aabningstider', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const { proposes } = editor(c, offering);
    const form = readScheduleForm(await c.req.parseBody());
    const shown = { schedule: form.schedule, readAt: form.readAt };
    const problemsAt = (problems: { field: string; message: string }[]) =>
      problems.map((problem) => ({ field: fieldIdOf(problem.field, form.schedule), message: problem.message }));
    if (form.intent === 'preview') {
      const problems = validateSchedule(form.schedule);
      const week = weekOf(today());
      const preview = problems.length === 0 ? daysOf(form.schedule, week[0]!, week[6]!) : null;
      return schedulePage(c, offering, { ...shown, problems: problemsAt(problems), preview }, problems.length ? 400 : 200);
    }
    const save = {
      store: deps.times,
      offering,
      readAt: form.readAt,
      schedule: form.schedule,
      confirmedNoHours: form.confirmedNoHours,
      actor: actorOf(c),
      at: deps.access.now(),
      source: sourceOf(c),
    };
    const outcome = proposes ? await proposeSchedule(save) : await editSchedule(save);
    switch (outcome.status) {
      case 'invalid':
        return schedulePage(c, offering, { ...shown, problems: problemsAt(outcome.problems) }, 400);
      case 'confirm_no_hours':
        return schedulePage(c, offering, { ...shown, askNoHours: true, problems: [{ field: 'confirmNoHours', message: noHoursMessage }] }, 400);
      // Someone saved in between: keep what this person typed, show theirs, and let the next save be deliberate.
      case 'conflict':
        return schedulePage(c, offering, { ...shown, readAt: scheduleFingerprint(outcome.current), conflict: outcome.current }, 409);
      case 'not_found':
        throw new NotFoundError('Tilbuddet findes ikke længere.');
      case 'unchanged':
        return c.redirect(`/admin/tilbud/${offering.slug}/aabningstider`, 303);
      case 'proposed':
        return c.redirect(`/admin/tilbud/${offering.slug}/aabningstider?foreslaaet=1`, 303);
      case 'saved':
        return c.redirect(`/admin/tilbud/${offering.slug}/aabningstider?gemt=1&aendring=${outcome.auditId}`, 303);
    }
  });

  const activitiesDone = { tilfoejet: 'added', gemt: 'saved', aflyst: 'cancelled', fjernet: 'removed', foreslaaet: 'proposed', fortrudt: 'undone' } as const;

  app.get('/:slug/aktiviteter', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'offering.view', offering);
    const { activities } = await timesOf(offering);
    const done = Object.entries(activitiesDone).find(([word]) => c.req.query(word) === '1')?.[1] ?? null;
    return c.html(
      <ActivitiesPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        activities={activities}
        canEdit={can(session.principal, 'offering.edit', offering)}
        goesToReview={goesToReview(c, offering)}
        today={today()}
        done={done}
        undo={auditIdOf(c.req.query('aendring'))}
        proposals={await proposalsFor(c, offering, 'activity')}
      />,
    );
  });

  const activityPage = (c: Context<AdminEnv>, offering: OfferingForEdit, props: Partial<ActivityPageProps> & { activity: Activity }, status: 200 | 400 | 409 = 200) => {
    const session = c.get('session')!;
    return c.html(
      <ActivityPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        saved={null}
        readAt=""
        problems={[]}
        conflict={null}
        cancelDate=""
        goesToReview={goesToReview(c, offering)}
        {...props}
      />,
      status,
    );
  };
  const problemsOf = (problems: { field: string; message: string }[]) =>
    problems.map((problem) => ({ field: activityFieldIdOf(problem.field), message: problem.message }));
  const list = (offering: OfferingForEdit, done: keyof typeof activitiesDone) => `/admin/tilbud/${offering.slug}/aktiviteter?${done}=1`;
  /** Save one activity change, or propose it when the person's edits wait for review. */
  const changeActivity = (c: Context<AdminEnv>, offering: OfferingForEdit, proposes: boolean, change: ActivityChange) => {
    const options = { store: deps.times, offering, change, actor: actorOf(c), at: deps.access.now(), source: sourceOf(c) };
    return proposes ? proposeActivityChange(options) : editActivities(options);
  };
  /** Where a saved or proposed activity change leads: the list, with undo for a saved one. */
  const afterChange = (offering: OfferingForEdit, done: keyof typeof activitiesDone, outcome: { status: 'proposed' } | { status: 'saved'; auditId: string }) =>
    outcome.status === 'proposed' ? list(offering, 'foreslaaet') : `${list(offering, done)}&aendring=${outcome.auditId}`;

  app.get('/:slug/aktiviteter/ny', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    return activityPage(c, offering, { activity: fromCouncilDecision(c.req.query('beslutning'), c.req.query('besluttet')) });
  });

  app.post('/:slug/aktiviteter/ny', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const { proposes } = editor(c, offering);
    const { activity } = readActivityForm(await c.req.parseBody(), crypto.randomUUID(), null);
    const outcome = await changeActivity(c, offering, proposes, { kind: 'add', activity });
    if (outcome.status === 'invalid') return activityPage(c, offering, { activity, problems: problemsOf(outcome.problems) }, 400);
    if (outcome.status !== 'saved' && outcome.status !== 'proposed') throw new NotFoundError('Tilbuddet findes ikke længere.');
    return c.redirect(afterChange(offering, 'tilfoejet', outcome), 303);
  });

  /** The activity the address names, or a 404 that says where to look. */
  const activityOf = async (offering: OfferingForEdit, id: string) => {
    const found = /^[0-9a-f-]{36}$/.test(id) ? (await timesOf(offering)).activities.find((item) => item.id === id) : undefined;
    if (!found) throw new NotFoundError('Aktiviteten findes ikke. Måske er den fjernet; se listen over tilbuddets aktiviteter.');
    return found;
  };

  app.get('/:slug/aktiviteter/:activity', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const saved = await activityOf(offering, c.req.param('activity'));
    return activityPage(c, offering, { saved, activity: saved, readAt: activityFingerprint(saved) });
  });

  app.post('/:slug/aktiviteter/:activity', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const { proposes } = editor(c, offering);
    const saved = await activityOf(offering, c.req.param('activity'));
    const { activity, readAt } = readActivityForm(await c.req.parseBody(), saved.id, saved);
    const outcome = await changeActivity(c, offering, proposes, { kind: 'edit', activity, readAt });
    switch (outcome.status) {
      case 'invalid':
        return activityPage(c, offering, { saved, activity, readAt, problems: problemsOf(outcome.problems) }, 400);
      case 'conflict':
        return activityPage(c, offering, { saved: outcome.current, activity, readAt: activityFingerprint(outcome.current), conflict: outcome.current }, 409);
      // Removed by someone else meanwhile: what this person typed can still be added as a new activity.
      case 'gone':
        return activityPage(
          c,
          offering,
          {
            activity: { ...activity, cancelledOn: [] },
            problems: [
              {
                field: 'activity.name',
                message: 'En anden har fjernet aktiviteten, mens du rettede. Din version står i formularen; tryk «Tilføj aktiviteten» for at oprette den igen.',
              },
            ],
          },
          409,
        );
      case 'not_found':
        throw new NotFoundError('Tilbuddet findes ikke længere.');
      case 'unchanged':
        return c.redirect(`/admin/tilbud/${offering.slug}/aktiviteter`, 303);
      case 'proposed':
      case 'saved':
        return c.redirect(afterChange(offering, 'gemt', outcome), 303);
    }
  });

  app.post('/:slug/aktiviteter/:activity/aflys', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const { proposes } = editor(c, offering);
    const saved = await activityOf(offering, c.req.param('activity'));
    const body = await c.req.parseBody();
    const date = readDate(typeof body.date === 'string' ? body.date.trim().slice(0, 40) : '');
    const outcome = await changeActivity(c, offering, proposes, { kind: 'cancel', id: saved.id, date });
    if (outcome.status === 'invalid') {
      return activityPage(c, offering, { saved, activity: saved, readAt: activityFingerprint(saved), cancelDate: date, problems: outcome.problems }, 400);
    }
    if (outcome.status !== 'saved' && outcome.status !== 'proposed') throw new NotFoundError('Aktiviteten findes ikke længere. Måske har en anden fjernet den.');
    return c.redirect(afterChange(offering, 'aflyst', outcome), 303);
  });

  app.post('/:slug/aktiviteter/:activity/fjern', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const { proposes } = editor(c, offering);
    const saved = await activityOf(offering, c.req.param('activity'));
    const body = await c.req.parseBody();
    if (body.confirm !== 'ja') {
      const problems = [{ field: 'remove.confirm', message: `Sæt kryds for at bekræfte, at «${saved.name}» skal fjernes. Intet er fjernet.` }];
      return activityPage(c, offering, { saved, activity: saved, readAt: activityFingerprint(saved), problems }, 400);
    }
    const outcome = await changeActivity(c, offering, proposes, { kind: 'remove', id: saved.id });
    if (outcome.status !== 'saved' && outcome.status !== 'proposed') throw new NotFoundError('Aktiviteten findes ikke længere. Måske har en anden fjernet den.');
    return c.redirect(afterChange(offering, 'fjernet', outcome), 303);
  });

  /** What is saved now, when it is no longer what a proposal was written against; null when it still is. */
  const changedSince = (proposal: TimesProposal, now: OfferingTimes): TimesNow | null => {
    const change = proposal.change;
    if (change.kind === 'schedule') return scheduleFingerprint(now.schedule) === proposal.baseFingerprint ? null : { kind: 'schedule', schedule: now.schedule };
    if (!change.base) return null;
    const activity = now.activities.find((item) => item.id === change.base!.id) ?? null;
    return activityStateFingerprint(activity) === proposal.baseFingerprint ? null : { kind: 'activity', activity };
  };
  const proposalPage = async (
    c: Context<AdminEnv>,
    offering: OfferingForEdit,
    proposal: TimesProposal,
    problem: { field: string; message: string } | null,
    status: 200 | 400 | 409 = 200,
  ) => {
    const session = c.get('session')!;
    return c.html(
      <TimesProposalPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        proposal={proposal}
        changedSince={proposal.status === 'pending' ? changedSince(proposal, await timesOf(offering)) : null}
        canDecide={can(session.principal, 'review.decide', offering)}
        problem={problem}
        decided={c.req.query('besluttet') === '1'}
      />,
      status,
    );
  };
  /** The proposal the address names, on this offering, or a 404 that says where to look. */
  const proposalOf = async (offering: OfferingForEdit, id: string) => {
    const proposal = await deps.times.proposal(id);
    if (!proposal || proposal.offeringId !== offering.id) {
      throw new NotFoundError('Forslaget findes ikke. Måske er det allerede behandlet; se listen over ændringer til godkendelse.');
    }
    return proposal;
  };

  app.get('/:slug/tider/forslag/:id', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const principal = c.get('session')!.principal;
    // The person who proposed it follows it here; anyone else needs the centre's role, before learning whether it exists.
    const proposal = await deps.times.proposal(c.req.param('id'));
    const own = proposal?.offeringId === offering.id && proposal.proposedBy.id === principal.accountId;
    if (!own) authorize(c, 'review.decide', offering);
    if (!proposal || proposal.offeringId !== offering.id) {
      throw new NotFoundError('Forslaget findes ikke. Måske er det allerede behandlet; se listen over ændringer til godkendelse.');
    }
    return proposalPage(c, offering, proposal, null);
  });

  app.post('/:slug/tider/forslag/:id', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'review.decide', offering);
    const proposal = await proposalOf(offering, c.req.param('id'));
    const body = await c.req.parseBody();
    const decision = body.beslutning === 'godkend' ? 'approved' : body.beslutning === 'afvis' ? 'rejected' : null;
    const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 1000) : '';
    if (!decision) return proposalPage(c, offering, proposal, { field: 'reason', message: 'Vælg «Godkend og offentliggør» eller «Afvis».' }, 400);
    if (decision === 'rejected' && !reason) {
      return proposalPage(c, offering, proposal, { field: 'reason', message: 'Skriv en begrundelse, når du afviser. Redaktøren ser den og kan rette til.' }, 400);
    }
    const outcome = await decideTimesProposal({
      store: deps.times,
      proposalId: proposal.id,
      decision,
      reason: reason || null,
      offering,
      actor: actorOf(c),
      at: deps.access.now(),
      source: sourceOf(c),
    });
    const subject = proposal.change.kind === 'schedule' ? 'åbningstiderne' : 'aktiviteten';
    switch (outcome.status) {
      case 'not_found':
        throw new NotFoundError('Forslaget eller tilbuddet findes ikke længere.');
      // Someone changed what the proposal was written against: nothing is applied, and both are shown.
      case 'changed_since':
        return proposalPage(
          c,
          offering,
          proposal,
          { field: 'changed-heading', message: `Forslaget kan ikke godkendes, fordi ${subject} er ændret, siden det blev skrevet. Intet er ændret. Se begge nedenfor.` },
          409,
        );
      case 'invalid':
        return proposalPage(c, offering, proposal, { field: 'proposal-heading', message: `Forslaget kan ikke godkendes, som det er: ${outcome.message} Intet er ændret.` }, 409);
      case 'decided':
        return c.redirect(timesProposalPath(offering.slug, proposal.id), 303);
      default:
        return c.redirect(`${timesProposalPath(offering.slug, proposal.id)}?besluttet=1`, 303);
    }
  });

  const changedSincePage = (c: Context<AdminEnv>, offering: OfferingForEdit, undo: boolean, change: SavedTimesChange, now: TimesNow) => {
    const session = c.get('session')!;
    return c.html(
      <TimesChangedSincePage signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }} offering={offering} undo={undo} change={change} now={now} />,
      409,
    );
  };
  /** The saved change the form names, of this offering's times. */
  const savedChangeOf = async (offering: OfferingForEdit, id: unknown, missing: string) => {
    const change = await deps.times.savedChange(typeof id === 'string' ? id : '');
    if (!change || change.offeringId !== offering.id) throw new NotFoundError(missing);
    return change;
  };

  app.post('/:slug/tider/fortryd', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    directEditor(c, offering);
    const body = await c.req.parseBody();
    const change = await savedChangeOf(offering, body.aendring, 'Ændringen findes ikke, så der er intet at fortryde.');
    const outcome = await restoreTimes({ store: deps.times, offering, change, expect: 'undo', actor: actorOf(c), at: deps.access.now(), source: sourceOf(c) });
    if (outcome.status === 'not_found') throw new NotFoundError('Tilbuddet findes ikke længere.');
    if (outcome.status === 'changed_since') return changedSincePage(c, offering, true, change, outcome.current);
    return c.redirect(`/admin/tilbud/${offering.slug}/${change.kind === 'schedule' ? 'aabningstider' : 'aktiviteter'}?fortrudt=1`, 303);
  });

  app.get('/:slug/tider/historik', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'offering.history', offering);
    const [changes, now] = await Promise.all([deps.times.changes(offering.id), timesOf(offering)]);
    const readAt = (change: SavedTimesChange) =>
      change.kind === 'schedule' ? scheduleFingerprint(now.schedule) : activityStateFingerprint(now.activities.find((item) => item.id === change.activityId));
    return c.html(
      <TimesHistoryPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        changes={changes.map((change) => ({ ...change, readAt: readAt(change) }))}
        canRestore={can(session.principal, 'offering.edit', offering) && !goesToReview(c, offering)}
        restored={c.req.query('gendannet') === '1'}
      />,
    );
  });

  app.post('/:slug/tider/gendan', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    directEditor(c, offering);
    const body = await c.req.parseBody();
    const change = await savedChangeOf(offering, body.post, 'Den ændring findes ikke i historikken for åbningstider og aktiviteter.');
    const readAt = typeof body.readAt === 'string' ? body.readAt.slice(0, 40) : '';
    const outcome = await restoreTimes({ store: deps.times, offering, change, expect: { readAt }, actor: actorOf(c), at: deps.access.now(), source: sourceOf(c) });
    if (outcome.status === 'not_found') throw new NotFoundError('Tilbuddet findes ikke længere.');
    if (outcome.status === 'changed_since') return changedSincePage(c, offering, false, change, outcome.current);
    return c.redirect(`/admin/tilbud/${offering.slug}/tider/historik?gendannet=1`, 303);
  });

  return app;
}
