import type { Course, CourseOccupancy, CourseSession } from '../domain/course/model.ts';
import type { AttendanceMark, CourseFacts, SelfRating } from '../domain/course/figures.ts';
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

/**
 * Which courses a list needs, so a page at national scale loads the courses it shows, not all of them.
 * Conditions combine; none gives every course.
 */
export type CourseListFilter = {
  /** Only these courses (ids that are not well-formed match nothing). */
  ids?: readonly string[];
  /** Only the courses these offerings run. */
  offeringIds?: readonly string[];
  /** Only courses that have not ended on this Copenhagen date: a meeting, not cancelled, on or after it, or none at all. */
  notEndedOn?: string;
  /** Only courses with a meeting (cancelled or not) between these dates, both included. */
  meetingBetween?: { from: string; to: string };
  kind?: Course['kind'];
};

export type CourseStore = {
  /** The courses the filter asks for, with their sessions, and how full each is. */
  listCourses(filter?: CourseListFilter): Promise<{ course: Course; occupancy: CourseOccupancy }[]>;
  /** How many courses each offering runs (any state), for lists of offerings. */
  courseCountsByOffering(): Promise<Map<string, number>>;
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
  anonymiseEndedCourses(
    dates: { endedBefore: string; today: string },
    at: Date,
    audit: (report: RetentionReport) => AuditEntry,
    /** The mails telling a referrer that the consent behind their referral ran out (its history says so too). */
    consentExpiredMails?: (course: { title: string }) => ReferralMails,
  ): Promise<RetentionReport>;
};

/** The catalogue fields staff write for a course (everything but its sessions, status and version). */
export type CourseFields = Pick<
  Course,
  'title' | 'kind' | 'track' | 'purpose' | 'targetGroup' | 'runBy' | 'format' | 'capacity' | 'language' | 'price' | 'howToJoin' | 'goal'
>;

/** A meeting as staff write it: a Copenhagen date, wall times, and a place other than the offering's, or none. */
export type SessionFields = { date: string; startsAt: string; endsAt: string; placeNote: string | null };

export type SaveCourseOutcome =
  | { kind: 'saved'; course: Course; occupancy: CourseOccupancy; promoted: Participant[] }
  | { kind: 'unchanged' }
  /** Someone else saved the course since the form was read: theirs, to show beside what this person typed. */
  | { kind: 'stale'; current: Course }
  | { kind: 'cancelled' }
  | { kind: 'not_found' };

export type CancelCourseOutcome = { kind: 'cancelled'; told: number; course: Course } | { kind: 'already_cancelled' } | { kind: 'not_found' };

export type SessionChangeOutcome =
  | { kind: 'saved'; session: CourseSession; told: number }
  | { kind: 'unchanged' }
  | { kind: 'session_cancelled' }
  | { kind: 'course_cancelled' }
  | { kind: 'not_found' };

export type RemoveOutcome =
  | { kind: 'removed'; participant: Participant; promoted: Participant[] }
  /** A referred citizen leaves through the referral (stopped, with a reason), so the referrer is told. */
  | { kind: 'referral'; participant: Participant }
  | { kind: 'already_gone'; participant: Participant }
  | { kind: 'not_found' };

export type CourseTarget = { organizationId: string; organizationName: string; fromYear: number; toYear: number | null; minimumPerYear: number; basis: string };

export type { AttendanceMark, CourseFacts, SelfRating };

/** What the back office adds to the course store: staff edit courses and sessions, keep lists and attendance. */
export type CourseAdminStore = {
  coursesOfOffering(offeringId: string): Promise<{ course: Course; occupancy: CourseOccupancy }[]>;
  createCourse(offeringId: string, fields: CourseFields, at: Date, audit: (course: Course) => AuditEntry): Promise<Course>;
  /**
   * Save the catalogue fields if the course is still at `baseVersion`. A larger capacity fills the new places
   * from the waiting list (each told by `mailFor`); a smaller one keeps everyone enrolled.
   */
  saveCourse(
    change: { courseId: string; baseVersion: number; fields: CourseFields; at: Date },
    mailFor: (promoted: Participant, course: Course) => OutboxMail | null,
    audit: (course: Course, promoted: Participant[]) => AuditEntry,
  ): Promise<SaveCourseOutcome>;
  /**
   * Cancel a course with a reason; everyone enrolled or waiting is told through `mailFor` (those with an email).
   * Every referral still open on it is closed (declined before it held a place, stopped after) with the reason,
   * and its referrer is told through the mails `referralMails` makes for the course.
   */
  cancelCourse(
    change: { courseId: string; reason: string; at: Date; byName: string },
    mailFor: (person: Participant, course: Course) => OutboxMail | null,
    audit: (course: Course, told: number, referralsClosed: number) => AuditEntry,
    referralMails: (course: Course) => ReferralMails,
  ): Promise<CancelCourseOutcome>;
  addSession(change: { courseId: string; fields: SessionFields; at: Date }, audit: (session: CourseSession) => AuditEntry): Promise<SessionChangeOutcome>;
  /** Move a meeting (date, times, place); everyone enrolled or waiting with an email is told. */
  moveSession(
    change: { courseId: string; sessionId: string; fields: SessionFields; at: Date },
    mailFor: (person: Participant, course: Course, before: CourseSession, after: CourseSession) => OutboxMail | null,
    audit: (session: CourseSession, before: CourseSession, told: number) => AuditEntry,
  ): Promise<SessionChangeOutcome>;
  cancelSession(
    change: { courseId: string; sessionId: string; at: Date },
    mailFor: (person: Participant, course: Course, session: CourseSession) => OutboxMail | null,
    audit: (session: CourseSession, told: number) => AuditEntry,
  ): Promise<SessionChangeOutcome>;
  /** Take someone off the course or its waiting list; the next waiting moves up, as when someone leaves. */
  removeParticipant(
    change: { courseId: string; participantId: string; at: Date },
    mailFor: (promoted: Participant, course: Course) => OutboxMail | null,
    audit: (participant: Participant, promoted: Participant[]) => AuditEntry,
  ): Promise<RemoveOutcome>;
  attendance(courseId: string): Promise<AttendanceMark[]>;
  /** Replace the marks of one meeting for the participants named; the others' marks are kept. */
  recordAttendance(change: { courseId: string; sessionId: string; marks: { participantId: string; present: boolean }[]; at: Date }, audit: AuditEntry): Promise<'saved' | 'not_found'>;
  ratings(courseId: string): Promise<SelfRating[]>;
  /** Set (or clear, with null) a participant's before and after ratings. */
  recordRatings(change: { courseId: string; participantId: string; before: number | null; after: number | null; at: Date }, audit: AuditEntry): Promise<'saved' | 'not_found'>;
  courseFacts(courseIds: readonly string[]): Promise<CourseFacts[]>;
  courseTargets(): Promise<CourseTarget[]>;
};
