import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuditLog } from '../../app/audit.ts';
import type { CorrectionStore } from '../../app/correction-store.ts';
import type { CourseAdminStore, CourseStore } from '../../app/course-store.ts';
import type { BackOfficeStore } from '../../app/edit-offering.ts';
import type { PlaceEditStore } from '../../app/edit-place.ts';
import type { TimeEditStore } from '../../app/edit-schedule.ts';
import type { AccountAdminStore } from '../../app/manage-accounts.ts';
import type { SingleSignOn } from '../../app/sign-in-with-provider.ts';
import type { FreshnessStore } from '../../app/freshness-store.ts';
import type { VisitCountStore } from '../../app/register-visits.ts';
import type { BudgetStore } from '../../app/plan-budget.ts';
import type { FiguresReportStore } from '../../app/figures-report.ts';
import type { LetterStore } from '../../app/log-letters.ts';
import type { ScenarioStore } from '../../app/plan-scenarios.ts';
import type { RangeRepository } from '../../app/ports.ts';
import type { CouncilStore } from '../../app/run-councils.ts';
import type { FundStore } from '../../app/run-user-fund.ts';
import type { UserJobStore } from '../../app/run-user-jobs.ts';
import type { VolunteerStore } from '../../app/run-volunteers.ts';
import type { FriendStore } from '../../app/run-network-friends.ts';
import type { UserMeetingStore } from '../../app/run-user-meeting.ts';
import type { PeerStore } from '../../app/run-peer-counsellors.ts';
import type { GloriaStore } from '../../app/run-gloria.ts';
import type { OutboxStore } from '../../app/deliver-outbox.ts';
import type { JobStore } from '../../jobs/runner.ts';
import type { MailRoute } from '../../mail/create-mail-transport.ts';
import { ForbiddenError } from '../../app/errors.ts';
import { type AccessDeps, type CurrentSession, currentSession, sessionHours } from '../../app/staff-access.ts';
import { type Action, can, type Resource, site } from '../../domain/access/policy.ts';
import { withAdminNav } from '../../web/admin-nav.ts';

/** What the back office needs from the wiring. */
export type AdminDeps = {
  access: AccessDeps;
  audit: AuditLog;
  backOffice: BackOfficeStore;
  /** Opening hours and activities, edited whole (ADR 010). */
  times: TimeEditStore;
  /** An offering's places, their access information and rooms (ADR 019). */
  places: PlaceEditStore;
  accounts: AccountAdminStore;
  freshness: FreshnessStore;
  corrections: CorrectionStore;
  /** The outbox and the background jobs, for the system administrator (ADR 020). */
  operations: { outbox: Pick<OutboxStore, 'summary'>; jobs: Pick<JobStore, 'states'>; jobLabels: Record<string, string>; mail: MailRoute };
  /** Courses and referrals: the catalogue, participants, attendance, figures, referrals (ADR 023–025). */
  courses: CourseStore & CourseAdminStore;
  /** Anonymous visitor tallies (ADR 026). */
  counts: VisitCountStore;
  /** Appropriations, budget lines, transfers and grants (ADR 032); also read by the public budget page. */
  budget: BudgetStore;
  /** What the reports on use read beside the tallies (ADR 029). */
  figures: FiguresReportStore;
  /** Planning scenarios and the range they start from (ADR 030). */
  planning: { scenarios: ScenarioStore; range: RangeRepository; letters: LetterStore };
  /** User and activity councils, their members and meetings (ADR 033). */
  councils: CouncilStore;
  /** The user fund: pools, screening, grants and voting codes (ADR 033). */
  fund: FundStore;
  /** User jobs and who holds them (ADR 033). */
  userJobs: UserJobStore;
  /** Volunteers, their screening, insurance and assignments (ADR 033). */
  volunteers: VolunteerStore;
  /** Network friends: requests, matches, follow-ups (ADR 033). */
  friends: FriendStore;
  /** The annual city-wide user meeting (ADR 036). */
  meetings: UserMeetingStore;
  /** Peer counsellors: cohorts, modules, certification, assignments (ADR 036). */
  peer: PeerStore;
  /** Gloria: editorial teams, texts, theme issues, images (ADR 037). */
  gloria: GloriaStore;
  baseUrl: string;
  /** Development without a mail server only: one-time links are also written to the log, since no mail leaves the machine. */
  logLinks: boolean;
  logger: { info(object: object, message: string): void };
  /** Sign-in through the organisation's OpenID Connect provider; null when OIDC_* are not set (ADR 013). */
  singleSignOn: SingleSignOn | null;
};

export type AdminEnv = { Variables: { session: CurrentSession | null } };

export const sessionCookie = 'tv_session';
/** Before sign-in there is no session to hold a CSRF token, so the sign-in forms pair a cookie with a field. */
export const formCookie = 'tv_form';

function secure(deps: AdminDeps) {
  return deps.baseUrl.startsWith('https://');
}

export function setSessionCookie(c: Context, deps: AdminDeps, token: string) {
  setCookie(c, sessionCookie, token, {
    path: '/admin',
    httpOnly: true,
    secure: secure(deps),
    sameSite: 'Lax',
    maxAge: sessionHours * 3600,
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, sessionCookie, { path: '/admin' });
}

/** The token for a sign-in form: the one in the cookie, or a new one set now. */
export function formToken(c: Context, deps: AdminDeps): string {
  const existing = getCookie(c, formCookie);
  if (existing && /^[\w-]{20,100}$/.test(existing)) return existing;
  const token = deps.access.tokens.create().token;
  setCookie(c, formCookie, token, { path: '/admin', httpOnly: true, secure: secure(deps), sameSite: 'Strict' });
  return token;
}

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Where a request came from, for the audit log and the rate limits. */
export function sourceOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'ukendt';
  } catch {
    return 'ukendt';
  }
}

/** Loads the session behind the cookie (if any) for every /admin request. */
export function loadSession(deps: AdminDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie);
    const session = token && token.length <= 100 ? await currentSession(deps.access, token) : null;
    if (token && !session) clearSessionCookie(c);
    c.set('session', session);
    c.header('cache-control', 'no-store');
    if (!session) return next();
    await withAdminNav({ planning: can(session.principal, 'planning.read', site), gloria: can(session.principal, 'gloria.write', site) }, next);
  };
}

/**
 * A signed-in person, or a redirect to the sign-in page that comes back here afterwards. Every POST of
 * a signed-in person must carry the session's CSRF token.
 */
export function requireSession(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session) {
      const back = c.req.method === 'GET' ? new URL(c.req.url).pathname : '/admin';
      return c.redirect(`/admin/log-ind?tilbage=${encodeURIComponent(back)}`, 303);
    }
    if (c.req.method === 'POST') {
      const body = await c.req.parseBody();
      if (!sameToken(typeof body._csrf === 'string' ? body._csrf : undefined, session.csrfToken)) {
        throw new ForbiddenError(
          'Formularen kunne ikke sendes, fordi den ikke kom fra en side, du har åbnet nu. Gå tilbage, hent siden igen, og prøv igen. Intet er gemt.',
        );
      }
    }
    await next();
  };
}

/** The signed-in person (after requireSession). */
export function sessionOf(c: Context<AdminEnv>): CurrentSession {
  const session = c.get('session');
  if (!session) throw new ForbiddenError('Du skal være logget ind.');
  return session;
}

/** Throws a 403 in plain Danish unless the person may take the action on the resource. */
export function authorize(c: Context<AdminEnv>, action: Action, resource: Resource): CurrentSession {
  const session = sessionOf(c);
  if (!can(session.principal, action, resource)) {
    throw new ForbiddenError(deniedText[action]);
  }
  return session;
}

const deniedText: Record<Action, string> = {
  'admin.enter': 'Din konto har ingen rolle i Tilbudsvifte endnu. Bed en systemadministrator om at give dig adgang.',
  'offering.view': 'Du har ikke adgang til dette tilbud. Du kan se og rette de tilbud, din rolle dækker; de står på din forside.',
  'offering.edit': 'Du kan se dette tilbud, men ikke rette det. Kontakt centret, hvis noget skal ændres.',
  'offering.verify': 'Du kan ikke bekræfte oplysningerne om dette tilbud. Kontakt centret.',
  'offering.history': 'Du har ikke adgang til dette tilbuds historik.',
  'offering.status': 'Kun centerlederen og forvaltningen kan registrere, at et tilbud åbner, lukker eller lægges sammen. Kontakt centret.',
  'review.decide': 'Kun centerlederen for tilbuddets center kan godkende eller afvise ændringer.',
  'correction.read': 'Du har ikke adgang til rettelser til dette tilbud. Dem ser de, der har ansvaret for tilbuddet.',
  'correction.close': 'Du kan ikke lukke rettelser til dette tilbud. Det kan de, der har ansvaret for tilbuddet.',
  'audit.read': 'Kun systemadministratorer kan se revisionsloggen.',
  'account.manage': 'Kun systemadministratorer kan oprette og ændre konti.',
  'course.edit': 'Du kan ikke rette forløb på dette tilbud. Det kan medarbejderne på tilbuddet og centret.',
  'course.participants': 'Deltagernes oplysninger ser kun medarbejderne på det tilbud, der holder forløbet, og den, der har henvist.',
  'course.refer': 'Din rolle kan ikke henvise borgere til forløb. Bed en systemadministrator om rollen som henviser.',
  'course.stats': 'Du har ikke adgang til tallene for forløb.',
  'operations.read': 'Kun systemadministratorer kan se udbakken og baggrundsjobbene.',
  'count.register': 'Besøg på et tilbud tælles af tilbuddets medarbejdere og dem, der har ansvaret for det. Kontakt tilbuddet.',
  'count.read': 'Du har ikke adgang til besøgstallene for dette tilbud.',
  'count.confirm': 'Månedens besøgstal bekræftes eller bestrides af tilbuddets medarbejdere eller operatøren.',
  'budget.read': 'Budgetsiden i tilbageenden er for planlæggere og forvaltningen. Budgetterne kan læses af alle på /planlaegning/budget.',
  'budget.edit': 'Kun planlæggere og systemadministratoren kan registrere overførsler mellem bevillinger. Kontakt forvaltningens planlæggere.',
  'planning.read': 'Du har ikke adgang til planlægningen. Offentliggjorte scenarier kan alle læse på /planlaegning.',
  'planning.edit': 'Scenarier skrives og offentliggøres af planlæggere, centerledere og systemadministratorer. Du kan læse dem.',
  'council.manage': 'Du har ikke adgang til dette tilbuds råd. Dem holder tilbuddets medarbejdere, operatøren og centret.',
  'council.city': 'Du har ikke adgang til de byomfattende råd. Dem holder forvaltningens systemadministratorer.',
  'fund.manage': 'Du har ikke adgang til at styre brugerpuljerne. Det gør forvaltningens systemadministratorer.',
  'fund.codes': 'Du har ikke adgang til at udskrive stemmekoder for dette tilbud. Det kan tilbuddets medarbejdere.',
  'userjob.manage': 'Du har ikke adgang til dette tilbuds brugerjob. Dem holder tilbuddets medarbejdere, operatøren og centret.',
  'volunteer.manage': 'Du har ikke adgang til dette tilbuds frivillige. Dem holder tilbuddets medarbejdere, operatøren og centret.',
  'gloria.write': 'Du har ikke adgang til Gloria. Redaktionernes skribenter og redaktører får adgang af en systemadministrator.',
  'gloria.publish': 'Du har ikke adgang til at udgive i Gloria. Det gør redaktionernes redaktører.',
  'gloria.teams': 'Du har ikke adgang til Glorias redaktioner. Dem sammensætter forvaltningens systemadministratorer.',
};
