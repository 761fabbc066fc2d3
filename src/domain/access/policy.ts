/**
 * Who may do what in the back office, as one table of policies (ADR 012). A person holds grants: a role,
 * and for the scoped roles the offering or organisation it covers. An action on a resource is allowed
 * when one grant's role is listed for the action and its scope covers the resource. Everything else is
 * denied, and lists are filtered with the same question, so nothing leaks in counts or search results.
 */

export const roles = ['offering_staff', 'operator_editor', 'centre_lead', 'planner', 'editor', 'system_admin', 'referrer'] as const;
export type Role = (typeof roles)[number];

export type Grant = { role: Role; offeringId: string | null; organizationId: string | null };

/** A signed-in person as the rules see them. */
export type Principal = { accountId: string; name: string; grants: readonly Grant[] };

/** What a scoped role needs to know about an offering: its line of parents, operator and centre. */
export type OfferingScope = {
  kind: 'offering';
  id: string;
  /** Parent, grandparent, … (a satellite belongs to its main place). */
  ancestorIds: readonly string[];
  operatorId: string | null;
  centreId: string | null;
  ownership: 'municipal' | 'self_governing' | null;
};

/** The back office as a whole (its front page, the audit log, accounts, the outbox and jobs). */
export type SiteScope = { kind: 'site' };

export type Resource = OfferingScope | SiteScope;

export const site: SiteScope = { kind: 'site' };

export const actions = [
  'admin.enter',
  'offering.view',
  'offering.edit',
  'offering.verify',
  'offering.history',
  'offering.status',
  'review.decide',
  'correction.read',
  'correction.close',
  'audit.read',
  'account.manage',
  'course.edit',
  'course.participants',
  'course.refer',
  'course.stats',
  'operations.read',
  'count.register',
  'count.read',
  'count.confirm',
  'budget.read',
  'budget.edit',
  'planning.read',
  'planning.edit',
  'council.manage',
  'council.city',
  'fund.manage',
  'fund.codes',
  'userjob.manage',
  'volunteer.manage',
  'gloria.write',
  'gloria.publish',
  'gloria.teams',
] as const;
export type Action = (typeof actions)[number];

/** How far a role reaches: only what its grant names, or the whole range. */
type Reach = 'scoped' | 'everything';

const reach: Record<Role, Reach> = {
  offering_staff: 'scoped',
  operator_editor: 'scoped',
  centre_lead: 'scoped',
  planner: 'everything',
  editor: 'everything',
  system_admin: 'everything',
  // A partner professional (regional psychiatry, home guide, the adult services unit) refers citizens to
  // any course, and sees only the referrals they made themselves (canSeeReferral).
  referrer: 'everything',
};

/** Every role that works in the range itself; the referrer only refers. */
const rangeRoles = ['offering_staff', 'operator_editor', 'centre_lead', 'planner', 'editor', 'system_admin'] as const satisfies readonly Role[];

/**
 * The policies. Planners read everything and change nothing; editors (publishing) read for now; staff,
 * operator editors and centre leads change what their grant covers; the system administrator does all.
 */
export const policies: Record<Action, readonly Role[]> = {
  'admin.enter': roles,
  'offering.view': rangeRoles,
  'offering.edit': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  'offering.verify': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  'offering.history': rangeRoles,
  // Opening, closing and merging places are the centre's and the administration's decisions.
  'offering.status': ['centre_lead', 'system_admin'],
  'review.decide': ['centre_lead', 'system_admin'],
  // A public correction may hold a citizen's email: only those who answer for the offering read it.
  'correction.read': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  'correction.close': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  'audit.read': ['system_admin'],
  'account.manage': ['system_admin'],
  'course.edit': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  // Participants' names, contacts, attendance and ratings: only the staff of the offering that runs the
  // course (and, for a referral, its referrer: canSeeReferral). Centres and planners see figures.
  'course.participants': ['offering_staff'],
  'course.refer': ['referrer', 'offering_staff', 'operator_editor', 'centre_lead'],
  'course.stats': rangeRoles,
  // The outbox's state and the background jobs (ADR 020): no bodies or recipients, but still the running of the platform.
  'operations.read': ['system_admin'],
  // Visitor tallies (ADR 026): the staff who stand at the door count, and those who answer for the place with
  // them; every range role reads the figures its grant covers (they name no visitor).
  'count.register': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  'count.read': rangeRoles,
  // A month's figure is confirmed or disputed by those who answer for the place: its staff or its operator.
  'count.confirm': ['offering_staff', 'operator_editor', 'system_admin'],
  // Budgets (ADR 032) are public (/planlaegning/budget); the back office's budget page is for the roles that see the
  // whole range, and the planners who prepare the committee's decisions, and the system administrator, record
  // transfers between appropriations.
  'budget.read': ['planner', 'editor', 'system_admin'],
  'budget.edit': ['planner', 'system_admin'],
  // Planning scenarios (ADR 030) are about the whole range: every range role reads the drafts; the
  // administration's planners, the centre leads and the system administrator draft and publish them.
  'planning.read': rangeRoles,
  'planning.edit': ['centre_lead', 'planner', 'system_admin'],
  // Councils (ADR 033): members' names and contacts are kept by those who answer for the offering; the city-wide
  // councils by the administration.
  'council.manage': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  'council.city': ['system_admin'],
  // The user fund (ADR 033): the pools, their screening and grants are the administration's; the voting codes are
  // printed by those who hand them out at the offering.
  'fund.manage': ['system_admin'],
  'fund.codes': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  // User jobs (ADR 033): who holds a job is personal data, kept by those who answer for the offering.
  'userjob.manage': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  // Volunteers (ADR 033): screened, trained and insured by the operator; kept by those who answer for the offering.
  'volunteer.manage': ['offering_staff', 'operator_editor', 'centre_lead', 'system_admin'],
  // Gloria (ADR 037): every range role may be on an editorial team; which texts a person writes, and whether they
  // publish, is decided by their membership of the text's team (writer or editor). The teams are the administration's.
  'gloria.write': rangeRoles,
  'gloria.publish': rangeRoles,
  'gloria.teams': ['system_admin'],
};

/** Actions on the range as a whole, whatever a scoped grant covers (a scenario may touch any place). */
const wholeRangeActions: ReadonlySet<Action> = new Set(['admin.enter', 'planning.read', 'planning.edit', 'gloria.write', 'gloria.publish', 'gloria.teams']);

function covers(grant: Grant, resource: Resource): boolean {
  if (reach[grant.role] === 'everything') return true;
  if (resource.kind === 'site') return false;
  switch (grant.role) {
    case 'offering_staff':
      return grant.offeringId === resource.id || resource.ancestorIds.includes(grant.offeringId ?? '');
    case 'operator_editor':
      return grant.organizationId !== null && grant.organizationId === resource.operatorId;
    case 'centre_lead':
      return grant.organizationId !== null && grant.organizationId === resource.centreId;
    default:
      return false;
  }
}

/** Whether the person may take the action on the resource. */
export function can(principal: Principal | null, action: Action, resource: Resource): boolean {
  if (!principal) return false;
  const allowed = policies[action];
  return principal.grants.some((grant) => allowed.includes(grant.role) && (wholeRangeActions.has(action) || covers(grant, resource)));
}

/** Whether a role covers only what its grant names (staff, operator editors, centre leads). */
export function isScoped(role: Role): boolean {
  return reach[role] === 'scoped';
}

/** The grants that reach the whole range; a person without one sees only what their grants cover. */
export function seesEverything(principal: Principal): boolean {
  return principal.grants.some((grant) => reach[grant.role] === 'everything');
}

/**
 * Whether the person's change to the offering waits for the centre's approval: when the only grants
 * that let them edit it are an operator editor's, and the operator's edits need review.
 */
export function editGoesToReview(principal: Principal, offering: OfferingScope, operatorNeedsReview: boolean): boolean {
  if (!operatorNeedsReview) return false;
  const editing = principal.grants.filter((grant) => policies['offering.edit'].includes(grant.role) && covers(grant, offering));
  return editing.length > 0 && editing.every((grant) => grant.role === 'operator_editor');
}

/**
 * Whether the person may read a referral with the citizen's data: the one who made it, or the staff of
 * the offering that runs the course.
 */
export function canSeeReferral(principal: Principal | null, referral: { referrerAccountId: string }, runningOffering: OfferingScope): boolean {
  if (!principal) return false;
  return principal.accountId === referral.referrerAccountId || can(principal, 'course.participants', runningOffering);
}
