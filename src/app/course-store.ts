import type { Course, CourseOccupancy } from '../domain/course/model.ts';
import type { ReferralState } from '../domain/course/referral.ts';
import type { AuditEntry } from './audit.ts';

/** What the course use cases need from storage (ADR 023). */

export type ParticipantState = 'enrolled' | 'waitlisted' | 'left' | 'removed';

export type Participant = {
  id: string;
  courseId: string;
  position: number;
  displayName: string;
  contact: string | null;
  state: ParticipantState;
  referralId: string | null;
  joinedAt: Date;
  promotedAt: Date | null;
  leftAt: Date | null;
};

/** A mail for the outbox (only to people who gave an email for it). */
export type OutboxMail = { recipient: string; subject: string; body: string };

export type EnrolRequest = {
  courseId: string;
  name: string;
  contact: string | null;
  tokenHash: string;
  at: Date;
  /** The Copenhagen date of `at`: a course that has ended or is cancelled takes nobody. */
  today: string;
};

export type EnrolOutcome =
  | { kind: 'joined'; participant: Participant; again: boolean }
  | { kind: 'name_taken' }
  | { kind: 'closed'; why: 'cancelled' | 'ended' | 'referred_only' | 'no_sessions' }
  | { kind: 'not_found' };

export type LeaveOutcome =
  | { kind: 'left'; participant: Participant; promoted: Participant[] }
  | { kind: 'already_left'; participant: Participant }
  | { kind: 'not_found' };

export type Referral = {
  id: string;
  courseId: string;
  referrerAccountId: string;
  referrerName: string;
  referrerOrganisation: string;
  citizenName: string | null;
  citizenContact: string | null;
  consentShared: string | null;
  consentWith: string | null;
  consentUntil: string | null;
  consentRecordedAt: Date | null;
  consentWithdrawnAt: Date | null;
  state: ReferralState;
  reason: string | null;
  participantId: string | null;
  createdAt: Date;
  updatedAt: Date;
  anonymisedAt: Date | null;
  events: { state: ReferralState; reason: string | null; at: Date; byName: string }[];
};

export type NewReferral = {
  courseId: string;
  referrerAccountId: string;
  referrerName: string;
  referrerOrganisation: string;
  citizenName: string;
  citizenContact: string | null;
  consent: { shared: string; sharedWith: string; until: string };
  tokenHash: string;
  at: Date;
};

export type ReferralMove = {
  referralId: string;
  to: ReferralState;
  reason: string | null;
  byName: string;
  at: Date;
  /** The state the person saw when they chose the move: another move made meanwhile refuses this one. */
  from: ReferralState;
};

/** The mails about a referral's change to its referrer, given the referrer's email (null: a closed account). */
export type ReferralMails = (referral: Referral, referrerEmail: string | null) => OutboxMail[];

export type ReferralMoveOutcome =
  | { kind: 'moved'; referral: Referral; mails: OutboxMail[] }
  | { kind: 'stale'; referral: Referral }
  | { kind: 'not_allowed'; referral: Referral }
  | { kind: 'full'; referral: Referral }
  | { kind: 'not_found' };

/** What the retention job anonymised: participants of ended courses, referrals ended or past their consent. */
export type RetentionReport = { participants: number; referrals: number };

export type CourseStore = {
  /** Every course with its sessions, and how full each is. */
  listCourses(): Promise<{ course: Course; occupancy: CourseOccupancy }[]>;
  courseBySlug(slug: string): Promise<{ course: Course; occupancy: CourseOccupancy } | null>;
  courseById(id: string): Promise<{ course: Course; occupancy: CourseOccupancy } | null>;
  /**
   * Join an open course, under the course's lock: a place while there are free ones, otherwise the
   * waiting list, in arrival order. The same token twice is the same person (a double click).
   */
  enrol(request: EnrolRequest, audit: (participant: Participant) => AuditEntry): Promise<EnrolOutcome>;
  participantByToken(tokenHash: string): Promise<{ participant: Participant; course: Course } | null>;
  /** Leave by the personal link: the first on the waiting list moves up, and is told if they gave an email. */
  leave(
    tokenHash: string,
    at: Date,
    mailFor: (promoted: Participant, course: Course) => OutboxMail | null,
    audit: (participant: Participant) => AuditEntry,
  ): Promise<LeaveOutcome>;
  participants(courseId: string): Promise<Participant[]>;

  createReferral(referral: NewReferral, audit: (id: string) => AuditEntry): Promise<Referral>;
  referral(id: string): Promise<Referral | null>;
  referralByToken(tokenHash: string): Promise<Referral | null>;
  referralsBy(accountId: string): Promise<Referral[]>;
  referralsTo(courseId: string): Promise<Referral[]>;
  /**
   * Move a referral to its next state under the course's lock: accepting takes a place (or refuses when the
   * course is full, so the offering can put it on the waiting list); the referrer is told by the outbox.
   * `mailsFor` is asked for the moved referral and for every referral the move let up from the waiting
   * list, each with its referrer's email (null for a closed account).
   */
  moveReferral(move: ReferralMove, mailsFor: ReferralMails, audit: AuditEntry): Promise<ReferralMoveOutcome>;
  /**
   * The citizen withdraws consent: their data is removed from the referral and their place freed. `mailsFor`
   * (when given) is asked for the withdrawn referral and for any referral that moved up into the place.
   */
  withdrawConsent(tokenHash: string, at: Date, audit: (referral: Referral) => AuditEntry, mailsFor?: ReferralMails): Promise<Referral | null>;

  /**
   * Anonymise participants and referrals of courses whose last meeting was before `endedBefore`, and the
   * citizen's data on referrals whose consent ran out before `today`.
   */
  anonymiseEndedCourses(dates: { endedBefore: string; today: string }, at: Date, audit: (report: RetentionReport) => AuditEntry): Promise<RetentionReport>;
};
