import type { Context } from 'hono';
import { Hono } from 'hono';
import { activityFingerprint, editActivities } from '../../app/edit-activities.ts';
import type { OfferingForEdit } from '../../app/edit-offering.ts';
import { editSchedule, type OfferingTimes, scheduleFingerprint } from '../../app/edit-schedule.ts';
import { ForbiddenError, NotFoundError } from '../../app/errors.ts';
import { can, editGoesToReview } from '../../domain/access/policy.ts';
import { type HolidayKey, holidaysBetween } from '../../domain/schedule/holidays.ts';
import { type Activity, everyWeek, type Schedule } from '../../domain/schedule/model.ts';
import { daysOf } from '../../domain/schedule/timetable.ts';
import { validateSchedule } from '../../domain/schedule/validate.ts';
import { addDays, copenhagenDate, weekOf } from '../../domain/time.ts';
import { ActivitiesPage, ActivityPage, type ActivityPageProps, SchedulePage, type SchedulePageProps } from '../../web/pages/admin/schedule-pages.tsx';
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
 * /admin/tilbud/{slug}/aabningstider and /aktiviteter: staff edit an offering's opening hours and its
 * activities (ADR 010, 012). Seeing takes 'offering.view'; changing takes 'offering.edit', and is
 * refused for a person whose edits wait for the centre's review, since schedules cannot be reviewed yet.
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
  /** The person may change this offering's times directly. */
  const editor = (c: Context<AdminEnv>, offering: OfferingForEdit) => {
    const session = authorize(c, 'offering.edit', offering);
    if (goesToReview(c, offering)) {
      throw new ForbiddenError(
        'Dine ændringer af dette tilbud skal godkendes af centret, og ændringer af åbningstider og aktiviteter kan ikke sendes til godkendelse endnu. Kontakt centret, hvis åbningstider eller aktiviteter skal ændres. Intet er gemt.',
      );
    }
    return session;
  };
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
    return schedulePage(c, offering, { schedule, readAt: scheduleFingerprint(schedule), saved: c.req.query('gemt') === '1' });
  });

  app.post('/:slug/aabningstider', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
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
    const outcome = await editSchedule({
      store: deps.times,
      offering,
      readAt: form.readAt,
      schedule: form.schedule,
      confirmedNoHours: form.confirmedNoHours,
      actor: actorOf(c),
      at: deps.access.now(),
      source: sourceOf(c),
    });
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
      case 'saved':
        return c.redirect(`/admin/tilbud/${offering.slug}/aabningstider?gemt=1`, 303);
    }
  });

  const activitiesDone = { tilfoejet: 'added', gemt: 'saved', aflyst: 'cancelled', fjernet: 'removed' } as const;

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
        {...props}
      />,
      status,
    );
  };
  const problemsOf = (problems: { field: string; message: string }[]) =>
    problems.map((problem) => ({ field: activityFieldIdOf(problem.field), message: problem.message }));
  const list = (offering: OfferingForEdit, done: keyof typeof activitiesDone) => `/admin/tilbud/${offering.slug}/aktiviteter?${done}=1`;

  app.get('/:slug/aktiviteter/ny', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    return activityPage(c, offering, { activity: newActivity() });
  });

  app.post('/:slug/aktiviteter/ny', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const { activity } = readActivityForm(await c.req.parseBody(), crypto.randomUUID(), null);
    const outcome = await editActivities({
      store: deps.times,
      offering,
      change: { kind: 'add', activity },
      actor: actorOf(c),
      at: deps.access.now(),
      source: sourceOf(c),
    });
    if (outcome.status === 'invalid') return activityPage(c, offering, { activity, problems: problemsOf(outcome.problems) }, 400);
    if (outcome.status === 'not_found') throw new NotFoundError('Tilbuddet findes ikke længere.');
    return c.redirect(list(offering, 'tilfoejet'), 303);
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
    editor(c, offering);
    const saved = await activityOf(offering, c.req.param('activity'));
    const { activity, readAt } = readActivityForm(await c.req.parseBody(), saved.id, saved);
    const outcome = await editActivities({
      store: deps.times,
      offering,
      change: { kind: 'edit', activity, readAt },
      actor: actorOf(c),
      at: deps.access.now(),
      source: sourceOf(c),
    });
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
      case 'saved':
        return c.redirect(list(offering, 'gemt'), 303);
    }
  });

  app.post('/:slug/aktiviteter/:activity/aflys', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const saved = await activityOf(offering, c.req.param('activity'));
    const body = await c.req.parseBody();
    const date = readDate(typeof body.date === 'string' ? body.date.trim().slice(0, 40) : '');
    const outcome = await editActivities({
      store: deps.times,
      offering,
      change: { kind: 'cancel', id: saved.id, date },
      actor: actorOf(c),
      at: deps.access.now(),
      source: sourceOf(c),
    });
    if (outcome.status === 'invalid') {
      return activityPage(c, offering, { saved, activity: saved, readAt: activityFingerprint(saved), cancelDate: date, problems: outcome.problems }, 400);
    }
    if (outcome.status !== 'saved') throw new NotFoundError('Aktiviteten findes ikke længere. Måske har en anden fjernet den.');
    return c.redirect(list(offering, 'aflyst'), 303);
  });

  app.post('/:slug/aktiviteter/:activity/fjern', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const saved = await activityOf(offering, c.req.param('activity'));
    const body = await c.req.parseBody();
    if (body.confirm !== 'ja') {
      const problems = [{ field: 'remove.confirm', message: `Sæt kryds for at bekræfte, at «${saved.name}» skal fjernes. Intet er fjernet.` }];
      return activityPage(c, offering, { saved, activity: saved, readAt: activityFingerprint(saved), problems }, 400);
    }
    const outcome = await editActivities({
      store: deps.times,
      offering,
      change: { kind: 'remove', id: saved.id },
      actor: actorOf(c),
      at: deps.access.now(),
      source: sourceOf(c),
    });
    if (outcome.status === 'not_found') throw new NotFoundError('Tilbuddet findes ikke længere.');
    return c.redirect(list(offering, 'fjernet'), 303);
  });

  return app;
}
