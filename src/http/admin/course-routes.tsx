import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Participant } from '../../app/course-store.ts';
import type { OfferingForEdit } from '../../app/edit-offering.ts';
import { NotFoundError } from '../../app/errors.ts';
import * as manage from '../../app/manage-courses.ts';
import { can, seesEverything, site } from '../../domain/access/policy.ts';
import { courseFigures, deliveredByOperator } from '../../domain/course/figures.ts';
import type { Course } from '../../domain/course/model.ts';
import { courseSpan } from '../../domain/course/model.ts';
import { copenhagenDate } from '../../domain/time.ts';
import {
  AttendancePage,
  CourseFiguresPage,
  CourseOverviewPage,
  CoursePage,
  type CoursePageProps,
  CoursesPage,
  ParticipantsPage,
  type ParticipantsPageProps,
  RatingPage,
  sessionDraftOf,
} from '../../web/pages/admin/course-pages.tsx';
import { draftOf, emptyCourseDraft, readCourseForm, readSessionForm } from './course-form.ts';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const isId = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
const text = (body: Record<string, unknown>, name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).trim().slice(0, max) : '');

/**
 * /admin/tilbud/{slug}/forloeb…: staff run the offering's courses (ADR 024). Editing takes 'course.edit';
 * the names on the list, attendance and ratings take 'course.participants' (only the offering's own staff),
 * and every view of them is audited; the figures take 'course.stats' and hold no names.
 */
export function courseRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const today = () => copenhagenDate(deps.access.now());

  const load = async (slug: string) => {
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    return offering;
  };
  /** The course the address names, if it is this offering's. */
  const courseOf = async (offering: OfferingForEdit, id: string) => {
    const found = isId(id) ? await deps.courses.courseById(id) : null;
    if (!found || found.course.offering.id !== offering.id) {
      throw new NotFoundError('Forløbet findes ikke på dette tilbud. Se listen over tilbuddets forløb.');
    }
    return found;
  };
  const sessionOf = (course: Course, id: string) => {
    const session = course.sessions.find((item) => item.id === id);
    if (!session) throw new NotFoundError('Mødet findes ikke på dette forløb. Se listen over forløbets møder.');
    return session;
  };
  const participantOf = async (course: Course, id: string) => {
    const person = isId(id) ? (await deps.courses.participants(course.id)).find((item) => item.id === id) : undefined;
    if (!person) throw new NotFoundError('Deltageren findes ikke på dette forløb. Se deltagerlisten.');
    return person;
  };
  const context = (c: Context<AdminEnv>): manage.Context => {
    const principal = c.get('session')!.principal;
    return { store: deps.courses, actor: { id: principal.accountId, name: principal.name }, at: deps.access.now(), source: sourceOf(c) };
  };
  const signedInOf = (c: Context<AdminEnv>) => {
    const session = c.get('session')!;
    return { name: session.principal.name, csrfToken: session.csrfToken };
  };
  const base = (offering: OfferingForEdit, course?: Course) => `/admin/tilbud/${offering.slug}/forloeb${course ? `/${course.id}` : ''}`;

  // The offering's courses.
  app.get('/:slug/forloeb', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'course.stats', offering);
    const done = c.req.query('oprettet') === '1' ? 'created' : c.req.query('aflyst') === '1' ? 'cancelled' : null;
    return c.html(
      <CoursesPage
        signedIn={signedInOf(c)}
        offering={offering}
        courses={await deps.courses.coursesOfOffering(offering.id)}
        canEdit={can(session.principal, 'course.edit', offering)}
        canSeeParticipants={can(session.principal, 'course.participants', offering)}
        done={done}
      />,
    );
  });

  const coursePage = (c: Context<AdminEnv>, offering: OfferingForEdit, props: Partial<CoursePageProps> & Pick<CoursePageProps, 'saved' | 'draft'>, status: 200 | 400 | 409 = 200) =>
    c.html(
      <CoursePage
        signedIn={signedInOf(c)}
        offering={offering}
        version={props.saved?.course.version ?? 0}
        problems={[]}
        conflict={null}
        sessionForm={null}
        cancelReason=""
        canSeeParticipants={can(c.get('session')!.principal, 'course.participants', offering)}
        done={null}
        told={null}
        today={today()}
        {...props}
      />,
      status,
    );

  app.get('/:slug/forloeb/nyt', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.edit', offering);
    return coursePage(c, offering, { saved: null, draft: emptyCourseDraft });
  });

  app.post('/:slug/forloeb/nyt', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.edit', offering);
    const { draft, fields, problems } = readCourseForm(await c.req.parseBody());
    if (!fields) return coursePage(c, offering, { saved: null, draft, problems }, 400);
    const course = await manage.createCourse(context(c), offering.id, fields);
    return c.redirect(`${base(offering, course)}?oprettet=1`, 303);
  });

  const courseDone = { gemt: 'saved', uaendret: 'unchanged', tilfoejet: 'session_added', flyttet: 'session_moved', modeaflyst: 'session_cancelled' } as const;

  app.get('/:slug/forloeb/:course', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.edit', offering);
    const saved = await courseOf(offering, c.req.param('course'));
    const done = Object.entries(courseDone).find(([word]) => c.req.query(word) === '1')?.[1] ?? null;
    const told = c.req.query('besked');
    return coursePage(c, offering, {
      saved,
      draft: draftOf(saved.course),
      done: c.req.query('oprettet') === '1' ? 'created' : done,
      told: told && /^\d{1,4}$/.test(told) ? Number(told) : null,
    });
  });

  app.post('/:slug/forloeb/:course', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.edit', offering);
    const saved = await courseOf(offering, c.req.param('course'));
    const body = await c.req.parseBody();
    const { draft, fields, problems } = readCourseForm(body);
    const version = Number(text(body, 'version', 12));
    if (!fields) return coursePage(c, offering, { saved, draft, problems, version: Number.isInteger(version) ? version : saved.course.version }, 400);
    const outcome = await manage.saveCourse(context(c), saved.course.id, Number.isInteger(version) ? version : -1, fields);
    switch (outcome.kind) {
      case 'stale':
        return coursePage(c, offering, { saved: { ...saved, course: outcome.current }, draft, conflict: outcome.current, version: outcome.current.version }, 409);
      case 'cancelled':
        return coursePage(c, offering, { saved, draft, problems: [{ field: 'course.title', message: 'Forløbet er aflyst og kan ikke rettes længere. Intet er gemt.' }] }, 409);
      case 'not_found':
        throw new NotFoundError('Forløbet findes ikke længere.');
      case 'unchanged':
        return c.redirect(`${base(offering, saved.course)}?uaendret=1`, 303);
      case 'saved':
        return c.redirect(`${base(offering, saved.course)}?gemt=1${outcome.promoted.length ? `&besked=${outcome.promoted.length}` : ''}`, 303);
    }
  });

  app.post('/:slug/forloeb/:course/aflys', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.edit', offering);
    const saved = await courseOf(offering, c.req.param('course'));
    const reason = text(await c.req.parseBody(), 'reason', 1000);
    if (reason.length < 3) {
      const problems = [{ field: 'cancel.reason', message: 'Skriv, hvorfor forløbet aflyses. Begrundelsen står i beskeden til deltagerne. Intet er aflyst.' }];
      return coursePage(c, offering, { saved, draft: draftOf(saved.course), problems, cancelReason: reason }, 400);
    }
    const outcome = await manage.cancelCourse(context(c), saved.course.id, reason, deps.baseUrl);
    if (outcome.kind === 'not_found') throw new NotFoundError('Forløbet findes ikke længere.');
    return c.redirect(`${base(offering)}?aflyst=1`, 303);
  });

  /** A meeting's change answered: back to the course with what happened, or the form again with its problems. */
  const sessionAnswer = async (
    c: Context<AdminEnv>,
    offering: OfferingForEdit,
    saved: Awaited<ReturnType<typeof courseOf>>,
    outcome: Awaited<ReturnType<typeof manage.moveSession>>,
    done: keyof typeof courseDone,
    key: string,
  ) => {
    const again = (message: string) => {
      const session = saved.course.sessions.find((item) => item.id === key);
      const problems = [{ field: key === 'new' ? 'session.date' : `move.${key}.date`, message }];
      return coursePage(c, offering, { saved, draft: draftOf(saved.course), problems, sessionForm: session ? { key, draft: sessionDraftOf(session) } : null }, 409);
    };
    switch (outcome.kind) {
      case 'not_found':
        throw new NotFoundError('Mødet eller forløbet findes ikke længere.');
      case 'course_cancelled':
        return again('Forløbet er aflyst, så møderne kan ikke ændres. Intet er gemt.');
      case 'session_cancelled':
        return again('Mødet er allerede aflyst. Intet er ændret.');
      case 'unchanged':
        return c.redirect(`${base(offering, saved.course)}?uaendret=1`, 303);
      case 'saved':
        return c.redirect(`${base(offering, saved.course)}?${done}=1${outcome.told ? `&besked=${outcome.told}` : ''}#sessions-heading`, 303);
    }
  };

  app.post('/:slug/forloeb/:course/moeder', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.edit', offering);
    const saved = await courseOf(offering, c.req.param('course'));
    const { draft, fields, problems } = readSessionForm(await c.req.parseBody(), 'session');
    if (!fields) return coursePage(c, offering, { saved, draft: draftOf(saved.course), problems, sessionForm: { key: 'new', draft } }, 400);
    return sessionAnswer(c, offering, saved, await manage.addSession(context(c), saved.course.id, fields), 'tilfoejet', 'new');
  });

  app.post('/:slug/forloeb/:course/moeder/:session', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.edit', offering);
    const saved = await courseOf(offering, c.req.param('course'));
    const session = sessionOf(saved.course, c.req.param('session'));
    const { draft, fields, problems } = readSessionForm(await c.req.parseBody(), `move.${session.id}`);
    if (!fields) return coursePage(c, offering, { saved, draft: draftOf(saved.course), problems, sessionForm: { key: session.id, draft } }, 400);
    return sessionAnswer(c, offering, saved, await manage.moveSession(context(c), saved.course.id, session.id, fields), 'flyttet', session.id);
  });

  app.post('/:slug/forloeb/:course/moeder/:session/aflys', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.edit', offering);
    const saved = await courseOf(offering, c.req.param('course'));
    const session = sessionOf(saved.course, c.req.param('session'));
    return sessionAnswer(c, offering, saved, await manage.cancelSession(context(c), saved.course.id, session.id), 'modeaflyst', session.id);
  });

  // Participants: the running offering's own staff only, every view audited.

  const participantsPage = async (
    c: Context<AdminEnv>,
    offering: OfferingForEdit,
    course: Course,
    props: Partial<ParticipantsPageProps> = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const participants = await deps.courses.participants(course.id);
    await deps.audit.append(manage.participantsRead(context(c), course.id, 'list'));
    return c.html(
      <ParticipantsPage
        signedIn={signedInOf(c)}
        offering={offering}
        course={course}
        participants={participants}
        canEdit={can(c.get('session')!.principal, 'course.edit', offering)}
        confirmRemove={null}
        done={null}
        promoted={0}
        problems={[]}
        today={today()}
        {...props}
      />,
      status,
    );
  };

  app.get('/:slug/forloeb/:course/deltagere', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.participants', offering);
    const { course } = await courseOf(offering, c.req.param('course'));
    const done = c.req.query('fjernet') === '1' ? 'removed' : c.req.query('fremmoede') === '1' ? 'attendance' : c.req.query('vurdering') === '1' ? 'rating' : null;
    const promoted = Number(c.req.query('rykket') ?? '0');
    return participantsPage(c, offering, course, { done, promoted: Number.isInteger(promoted) && promoted >= 0 && promoted < 1000 ? promoted : 0 });
  });

  app.post('/:slug/forloeb/:course/deltagere/:participant/fjern', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.participants', offering);
    const { course } = await courseOf(offering, c.req.param('course'));
    const person = await participantOf(course, c.req.param('participant'));
    const body = await c.req.parseBody();
    // The button on the list asks first; the confirmation sends confirm=ja.
    if (body.confirm !== 'ja') return participantsPage(c, offering, course, { confirmRemove: person });
    const outcome = await manage.removeParticipant(context(c), course.id, person.id);
    switch (outcome.kind) {
      case 'not_found':
        throw new NotFoundError('Deltageren findes ikke længere på forløbet.');
      case 'referral':
        return participantsPage(
          c,
          offering,
          course,
          {
            problems: [
              {
                field: 'remove.confirm',
                message: `${person.displayName} er henvist. En henvist borger afsluttes på henvisningen (stoppet, med en begrundelse), så henviseren får besked. Intet er ændret.`,
              },
            ],
          },
          409,
        );
      case 'already_gone':
        return c.redirect(`${base(offering, course)}/deltagere`, 303);
      case 'removed':
        return c.redirect(`${base(offering, course)}/deltagere?fjernet=1&rykket=${outcome.promoted.length}`, 303);
    }
  });

  /** Who the tick list shows for a meeting: everyone enrolled, and anyone else already marked for it. */
  const attendanceList = async (course: Course, sessionId: string) => {
    const [people, marks] = await Promise.all([deps.courses.participants(course.id), deps.courses.attendance(course.id)]);
    const markOf = new Map(marks.filter((mark) => mark.sessionId === sessionId).map((mark) => [mark.participantId, mark.present]));
    return people
      .filter((person) => person.state === 'enrolled' || markOf.has(person.id))
      .map((participant) => ({ participant, present: markOf.get(participant.id) ?? null }));
  };

  app.get('/:slug/forloeb/:course/moeder/:session/fremmoede', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.participants', offering);
    const { course } = await courseOf(offering, c.req.param('course'));
    const session = sessionOf(course, c.req.param('session'));
    const people = await attendanceList(course, session.id);
    await deps.audit.append(manage.participantsRead(context(c), course.id, 'attendance'));
    return c.html(<AttendancePage signedIn={signedInOf(c)} offering={offering} course={course} session={session} people={people} problems={[]} today={today()} />);
  });

  app.post('/:slug/forloeb/:course/moeder/:session/fremmoede', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.participants', offering);
    const { course } = await courseOf(offering, c.req.param('course'));
    const session = sessionOf(course, c.req.param('session'));
    const body = await c.req.parseBody();
    const people = await attendanceList(course, session.id);
    const marks: { participantId: string; present: boolean }[] = [];
    for (const { participant } of people) {
      const value = body[`p.${participant.id}`];
      if (value === 'present' || value === 'absent') marks.push({ participantId: participant.id, present: value === 'present' });
    }
    const refuse = (message: string) => {
      const chosen = new Map(marks.map((mark) => [mark.participantId, mark.present]));
      const shown = people.map((item) => ({ ...item, present: chosen.get(item.participant.id) ?? item.present }));
      return c.html(
        <AttendancePage
          signedIn={signedInOf(c)}
          offering={offering}
          course={course}
          session={session}
          people={shown}
          problems={[{ field: 'attendance', message }]}
          today={today()}
        />,
        400,
      );
    };
    if (session.isCancelled || session.date > today()) return refuse('Fremmøde kan kun registreres for et møde, der er holdt. Intet er gemt.');
    if (marks.length === 0) return refuse('Vælg «Kom» eller «Kom ikke» for mindst én deltager. Intet er gemt.');
    await manage.recordAttendance(context(c), course.id, session.id, marks);
    return c.redirect(`${base(offering, course)}/deltagere?fremmoede=1`, 303);
  });

  /** The before/after rating belongs to referred courses, whose goal the citizen rates. */
  const ratedCourse = async (offering: OfferingForEdit, id: string) => {
    const { course } = await courseOf(offering, id);
    if (course.kind !== 'referred' || !course.goal) throw new NotFoundError('Selvvurdering hører til visiterede forløb med et mål. Dette forløb er åbent.');
    return course;
  };

  app.get('/:slug/forloeb/:course/deltagere/:participant/vurdering', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.participants', offering);
    const course = await ratedCourse(offering, c.req.param('course'));
    const participant = await participantOf(course, c.req.param('participant'));
    const ratings = (await deps.courses.ratings(course.id)).filter((rating) => rating.participantId === participant.id);
    await deps.audit.append(manage.participantsRead(context(c), course.id, 'rating'));
    const score = (phase: 'before' | 'after') => String(ratings.find((rating) => rating.phase === phase)?.score ?? '');
    return c.html(<RatingPage signedIn={signedInOf(c)} offering={offering} course={course} participant={participant} before={score('before')} after={score('after')} problems={[]} />);
  });

  app.post('/:slug/forloeb/:course/deltagere/:participant/vurdering', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'course.participants', offering);
    const course = await ratedCourse(offering, c.req.param('course'));
    const participant: Participant = await participantOf(course, c.req.param('participant'));
    const body = await c.req.parseBody();
    const before = text(body, 'before', 4);
    const after = text(body, 'after', 4);
    const score = (value: string) => (/^(10|[1-9])$/.test(value) ? Number(value) : value === '' ? null : undefined);
    const problems = [
      ...(score(before) === undefined ? [{ field: 'rating.before', message: 'Vælg et tal fra 1 (slet ikke) til 10 (helt), eller «Ikke vurderet».' }] : []),
      ...(score(after) === undefined ? [{ field: 'rating.after', message: 'Vælg et tal fra 1 (slet ikke) til 10 (helt), eller «Ikke vurderet».' }] : []),
    ];
    if (problems.length) {
      return c.html(<RatingPage signedIn={signedInOf(c)} offering={offering} course={course} participant={participant} before={before} after={after} problems={problems} />, 400);
    }
    await manage.recordRatings(context(c), course.id, participant.id, score(before)!, score(after)!);
    return c.redirect(`${base(offering, course)}/deltagere?vurdering=1`, 303);
  });

  // Figures without names.

  app.get('/:slug/forloeb/:course/tal', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'course.stats', offering);
    const { course } = await courseOf(offering, c.req.param('course'));
    const [facts] = await deps.courses.courseFacts([course.id]);
    return c.html(
      <CourseFiguresPage
        signedIn={signedInOf(c)}
        offering={offering}
        course={course}
        figures={courseFigures(course, facts!, today())}
        canEdit={can(session.principal, 'course.edit', offering)}
        canSeeParticipants={can(session.principal, 'course.participants', offering)}
      />,
    );
  });

  return app;
}

/** /admin/forloeb/tal: open to every role; lists the courses whose offering the person's grants give figures for. */
export function courseOverviewRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  app.get('/tal', requireSession(), async (c) => {
    const session = authorize(c, 'admin.enter', site);
    const principal = session.principal;
    const today = copenhagenDate(deps.access.now());
    const [all, offerings, targets] = await Promise.all([deps.courses.listCourses(), deps.backOffice.offeringList(), deps.courses.courseTargets()]);
    const scopeOf = new Map(offerings.map((offering) => [offering.id, offering]));
    const visible = all
      .filter(({ course }) => {
        const scope = scopeOf.get(course.offering.id);
        return scope !== undefined && can(principal, 'course.stats', scope);
      })
      .map(({ course }) => course);
    const facts = new Map((await deps.courses.courseFacts(visible.map((course) => course.id))).map((item) => [item.courseId, item]));
    const thisYear = Number(today.slice(0, 4));
    const lastYears = visible.map((course) => courseSpan(course)?.last).filter((last): last is string => last !== undefined);
    const years = [...new Set([thisYear, ...lastYears.map((last) => Number(last.slice(0, 4)))])].sort((a, b) => b - a);
    // A person who sees only some offerings sees only the targets of operators among them.
    const operators = new Set(visible.map((course) => course.operator?.id).filter((id): id is string => id !== undefined));
    const shownTargets = seesEverything(principal) ? targets : targets.filter((target) => operators.has(target.organizationId));
    const operatorNames = new Map<string, string>([
      ...shownTargets.map((target) => [target.organizationId, target.organizationName] as [string, string]),
      ...visible.filter((course) => course.operator).map((course) => [course.operator!.id, course.operator!.name] as [string, string]),
    ]);
    return c.html(
      <CourseOverviewPage
        signedIn={{ name: principal.name, csrfToken: session.csrfToken }}
        years={deliveredByOperator(visible, shownTargets, years, today).sort(
          (a, b) => b.year - a.year || (operatorNames.get(a.operatorId) ?? '').localeCompare(operatorNames.get(b.operatorId) ?? '', 'da'),
        )}
        operatorNames={operatorNames}
        targets={shownTargets}
        courses={visible
          .sort((a, b) => a.title.localeCompare(b.title, 'da'))
          .map((course) => ({ course, figures: courseFigures(course, facts.get(course.id)!, today) }))}
        seesEverything={seesEverything(principal)}
      />,
    );
  });
  return app;
}
