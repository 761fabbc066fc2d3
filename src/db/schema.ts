import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables in src/db/migrations. Dates arrive as 'YYYY-MM-DD' strings on both drivers. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates stay 'YYYY-MM-DD' text on both drivers (see database.ts). */
type DateString = string;
type Numeric = ColumnType<string, string | number, string | number>;

export type SourceDocumentTable = {
  id: string;
  title: string;
  document_date: DateString | null;
  case_number: string | null;
};

export type OrganizationTable = {
  id: string;
  slug: string;
  name: string;
  description: string;
  kind: 'administration' | 'centre' | 'operator';
  ownership: 'municipal' | 'self_governing' | null;
  parent_id: string | null;
  website: string | null;
  email: string | null;
  note: string | null;
  seed_refs: string[];
  is_example: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  edits_need_review: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
};

export type TrackTable = {
  id: string;
  slug: string;
  centre_id: string;
  name: string;
  name_en: string;
  seed_refs: string[];
};

export type DistrictTable = {
  id: string;
  slug: string;
  name: string;
  centre_id: string | null;
  centre_basis: string | null;
};

export type OfferingTable = {
  id: string;
  slug: string;
  name: string;
  alternate_name: string | null;
  description: string;
  first_visit: string | null;
  who_meets_you: string | null;
  has_quiet_room: boolean | null;
  staffing: 'staff' | 'user_run' | 'staff_and_user_run' | null;
  holiday_standard: Generated<'closed' | 'open'>;
  profile: 'social' | 'development' | 'both' | null;
  profile_basis: string | null;
  provider_id: string;
  operator_id: string | null;
  operator_note: string | null;
  ownership: 'municipal' | 'self_governing' | null;
  centre_id: string | null;
  parent_id: string | null;
  parent_relation: 'satellite' | 'part' | null;
  email: string | null;
  phone: string | null;
  url: string | null;
  source_note: string | null;
  seed_refs: string[];
  is_example: Generated<boolean>;
  search_vector: ColumnType<string, never, never>;
  /** fold_text(name): lower case, æ -> ae (migration 0006). */
  name_folded: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  verified_at: Timestamp | null;
  verified_by: string | null;
};

export type OfferingAlsoServesTable = { offering_id: string; centre_id: string };

export type TaxonomyTable = {
  id: string;
  slug: string;
  name: string;
  description: string;
  version: string | null;
};

export type TaxonomyTermTable = {
  id: string;
  taxonomy_id: string;
  code: string;
  name: string;
  description: string;
  parent_id: string | null;
};

export type OfferingTermTable = { offering_id: string; term_id: string; basis: string | null };

export type LocationTable = {
  id: string;
  slug: string;
  kind: 'address' | 'area';
  name: string;
  address_1: string | null;
  postal_code: string | null;
  city: string | null;
  municipality: Generated<string>;
  district_id: string | null;
  neighbourhood: string | null;
  area_description: string | null;
  is_address_pending: Generated<boolean>;
  latitude: number | null;
  longitude: number | null;
  coordinate_precision: 'approximate' | 'address' | 'none';
  seed_refs: string[];
  is_example: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  has_step_free_entrance: boolean | null;
  has_lift: boolean | null;
  has_accessible_toilet: boolean | null;
  has_hearing_loop: boolean | null;
  accessibility_description: string | null;
  accessibility_url: string | null;
};

export type ServiceAtLocationTable = {
  id: string;
  offering_id: string;
  location_id: string;
  description: string | null;
  updated_at: Timestamp;
};

export type RoomTable = {
  id: string;
  location_id: string;
  offering_id: string | null;
  name: string;
  description: string | null;
  is_quiet: Generated<boolean>;
  seed_refs: string[];
  is_example: Generated<boolean>;
};

export type StatusEventTable = {
  id: string;
  offering_id: string;
  status: 'proposed' | 'opens' | 'active' | 'closing' | 'closed' | 'merged_into' | 'replaced_by' | 'moved';
  occurs_on: DateString | null;
  recorded_on: DateString | null;
  is_baseline: Generated<boolean>;
  related_offering_id: string | null;
  note: string | null;
  seed_refs: string[];
};

export type BudgetLineTable = {
  id: string;
  committee: string;
  appropriation: string;
  appropriation_name: string;
  function_code: string;
  kind: 'expense' | 'income';
  year: number;
  amount_thousand_dkk: Numeric;
  price_level: number;
  is_permanent: boolean;
  offering_id: string | null;
  note: string | null;
  seed_refs: string[];
};

/** Migration 0018 (ADR 032). */
export type AppropriationTable = {
  number: string;
  name: string;
  committee: string;
  function_code: string;
  seed_refs: Generated<string[]>;
};

export type BudgetTransferTable = {
  id: string;
  from_appropriation: string;
  to_appropriation: string;
  first_year: number;
  last_year: number | null;
  amount_thousand_dkk: Numeric;
  price_level: number;
  reason: string;
  offering_id: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Generated<Date>;
  seed_refs: Generated<string[]>;
};

export type GrantExpiryTable = {
  id: string;
  offering_id: string;
  expires_year: number;
  expires_on: DateString | null;
  was_renewed: boolean | null;
  note: string | null;
  seed_refs: string[];
};

export type ScheduleTable = {
  id: string;
  offering_id: string;
  weekday: number;
  opens_at: string;
  closes_at: string;
  is_user_run: Generated<boolean>;
  is_staff_present: Generated<boolean>;
  description: string | null;
  is_example: Generated<boolean>;
  updated_at: Timestamp;
  recurrence: Generated<'weekly' | 'monthly'>;
  interval_weeks: Generated<number>;
  anchor_date: DateString | null;
  nth_in_month: number | null;
  valid_from: DateString | null;
  valid_to: DateString | null;
};

/** Periods as JSON: read as objects, written as text. */
type JsonPeriods<T> = ColumnType<T[], string | undefined, string>;

export type SchedulePeriodJson = {
  opens: string;
  closes: string;
  isUserRun: boolean;
  isStaffPresent: boolean;
  weekdays?: number[] | null;
};

export type ScheduleExceptionTable = {
  id: string;
  offering_id: string;
  starts_on: DateString;
  ends_on: DateString;
  kind: 'closed' | 'hours' | 'transition';
  periods: JsonPeriods<SchedulePeriodJson>;
  reason: string | null;
  is_example: Generated<boolean>;
  updated_at: Timestamp;
};

export type HolidayRuleTable = {
  offering_id: string;
  holiday_key: string;
  kind: 'closed' | 'open' | 'hours';
  periods: JsonPeriods<SchedulePeriodJson>;
};

export type ActivityTable = {
  id: string;
  offering_id: string;
  location_id: string | null;
  name: string;
  description: string | null;
  weekday: number | null;
  starts_at: string;
  ends_at: string | null;
  is_user_run: Generated<boolean>;
  is_example: Generated<boolean>;
  updated_at: Timestamp;
  kind: Generated<'dining' | 'workshop' | 'excursion' | 'lesson' | 'culture' | 'food_club' | 'peer_meeting' | 'other'>;
  occurs_on: DateString | null;
  recurrence: Generated<'weekly' | 'monthly'>;
  interval_weeks: Generated<number>;
  anchor_date: DateString | null;
  nth_in_month: number | null;
  valid_from: DateString | null;
  valid_to: DateString | null;
  /** Read it as text (`cancelled_on::text[]`): the drivers turn date arrays into Date objects. */
  cancelled_on: ColumnType<string[], string[] | undefined, string[]>;
  search_vector: ColumnType<string, never, never>;
};

export type AccountTable = {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  oidc_subject: string | null;
  is_disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type RoleGrantTable = {
  id: string;
  account_id: string;
  role: 'offering_staff' | 'operator_editor' | 'centre_lead' | 'planner' | 'editor' | 'system_admin' | 'referrer';
  offering_id: string | null;
  organization_id: string | null;
  created_at: Timestamp;
};

export type AccountSessionTable = {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
};

export type OneTimeLinkTable = {
  token_hash: string;
  account_id: string;
  purpose: 'set_password';
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type OutboxTable = {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  claimed_by: string | null;
  claimed_until: Timestamp | null;
  last_error: string | null;
  failed_at: Timestamp | null;
};

export type JobScheduleTable = {
  name: string;
  next_run_at: Timestamp;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
  failures: Generated<number>;
};

export type AuditEntryTable = {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  summary: string;
  detail: ColumnType<unknown, string | undefined, never>;
  source: string | null;
};

export type ProposedChangeTable = {
  id: string;
  offering_id: string;
  proposed_by: string;
  proposed_by_name: string;
  texts: ColumnType<unknown, string, string>;
  base_texts: ColumnType<unknown, string, string>;
  base_version: number;
  created_at: Timestamp;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
};

export type TimesProposalTable = {
  id: string;
  offering_id: string;
  kind: 'schedule' | 'activity';
  change: ColumnType<unknown, string, string>;
  base: ColumnType<unknown, string | null, string | null>;
  base_fingerprint: string | null;
  summary: string;
  proposed_by: string;
  proposed_by_name: string;
  created_at: Timestamp;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
};

export type FreshnessClockTable = { id: Generated<boolean>; started_at: Timestamp };

export type FreshnessReminderTable = {
  offering_id: string;
  cycle_start: Timestamp;
  stage: 'due_soon' | 'stale' | 'expired';
  queued_at: Timestamp;
  recipients: number;
};

/** One anonymous tally of visits on a day (ADR 026). */
export type VisitTallyTable = {
  id: string;
  client_id: string;
  offering_id: string;
  on_date: DateString;
  visits: number;
  open_anyway: Generated<boolean>;
  registered_by: string | null;
  registered_by_name: string;
  registered_at: Timestamp;
  /** What the tally covers (ADR 028): the day, one opening period, or one activity. */
  unit: Generated<'day' | 'period' | 'activity'>;
  period_opens: string | null;
  period_closes: string | null;
  activity_id: string | null;
  activity_name: string | null;
  /** Counts per breakdown and category, numbers only; written as JSON text. */
  breakdown: ColumnType<unknown, string | null | undefined, string | null>;
  /** The version this row corrects (migration 0025); null for a tally as first typed. */
  supersedes: string | null;
  /** A correction that withdraws the tally: it no longer counts. */
  withdrawn: Generated<boolean>;
  /** Why it was corrected or withdrawn. */
  reason: string | null;
};

/** How an offering counts its visits (ADR 028). */
export type VisitCountSettingTable = {
  offering_id: string;
  unit: 'day' | 'period' | 'activity';
  breakdowns: string[];
  member_numbers: boolean;
  /** The key of the member numbers' hash; never shown. */
  member_key: string;
  updated_by_name: string;
  updated_at: Timestamp;
};

/** A member card seen on a day at an offering: only the keyed hash of its number (ADR 028). */
export type MemberVisitTable = {
  id: string;
  offering_id: string;
  on_date: DateString;
  member_hash: string;
  registered_by: string | null;
  registered_by_name: string;
  registered_at: Timestamp;
};

/** A month's visits confirmed or disputed (ADR 026); rows are only added. */
export type VisitMonthReviewTable = {
  id: string;
  seq: Generated<string>;
  offering_id: string;
  month: string;
  verdict: 'confirmed' | 'disputed';
  visits_seen: number;
  comment: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string;
  reviewed_at: Timestamp;
};

/** A user council, an activity council or a city-wide one (ADR 033). */
export type CouncilTable = {
  id: string;
  slug: string;
  offering_id: string | null;
  kind: 'user' | 'activity' | 'city';
  name: string;
  purpose: string;
  how_to_join: string;
  is_example: Generated<boolean>;
  created_at: Timestamp;
};

/** A council member with recorded consent, purpose and deletion date (ADR 033). */
export type CouncilMemberTable = {
  id: string;
  council_id: string;
  display_name: string | null;
  contact: string | null;
  role: Generated<'chair' | 'member'>;
  named_publicly: boolean;
  consent_at: Timestamp;
  consent_how: 'in_person' | 'phone' | 'paper';
  consent_recorded_by_name: string;
  purpose: string;
  delete_after: DateString;
  withdrawn_at: Timestamp | null;
  anonymised_at: Timestamp | null;
};

export type CouncilMeetingTable = {
  id: string;
  council_id: string;
  held_on: DateString;
  starts_at: string | null;
  agenda: string;
  minutes: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CouncilMeetingPresentTable = { meeting_id: string; member_id: string };

export type CouncilDecisionTable = {
  id: string;
  meeting_id: string;
  position: number;
  text: string;
  becomes: 'activity' | 'hours' | null;
};

/** A yearly user fund, per district or city-wide (ADR 033). */
export type FundRoundTable = {
  id: string;
  slug: string;
  year: number;
  district_id: string | null;
  name: string;
  amount_kr: number;
  phase: Generated<'proposals' | 'voting' | 'closed'>;
  is_example: Generated<boolean>;
  created_at: Timestamp;
};

export type FundProposalTable = {
  id: string;
  round_id: string;
  title: string;
  description: string;
  amount_kr: number;
  council_id: string | null;
  contact: string | null;
  contact_delete_after: DateString;
  screening: Generated<'waiting' | 'accepted' | 'rejected'>;
  rejection: 'personal_data' | 'outside_purpose' | 'duplicate' | 'other' | null;
  rejection_note: string | null;
  granted_kr: number | null;
  responsible: string | null;
  follow_up: string | null;
  created_at: Timestamp;
};

export type FundCodeTable = { code_hash: string; round_id: string; offering_id: string | null; created_at: Timestamp; used_at: Timestamp | null };

export type FundVoteTable = { id: string; round_id: string; proposal_id: string; code_hash: string; cast_at: Timestamp };

/** A user job at an offering (ADR 033). */
export type UserJobTable = {
  id: string;
  offering_id: string;
  kind: 'bookings' | 'course_service' | 'cafe' | 'editorial' | 'other';
  title: string;
  description: string;
  hours_per_week: number;
  seats: Generated<number>;
  how_to_apply: string;
  is_example: Generated<boolean>;
  created_at: Timestamp;
};

export type UserJobHolderTable = {
  id: string;
  job_id: string;
  display_name: string | null;
  contact: string | null;
  since: DateString;
  ended_on: DateString | null;
  purpose: string;
  delete_after: DateString;
  anonymised_at: Timestamp | null;
};

/** Gloria (migration 0026, ADR 037): editorial teams, members, theme issues, texts and their lead images. */
export type GloriaTeamTable = { id: string; slug: string; district_id: string | null; name: string; created_at: Timestamp };
export type GloriaMemberTable = { id: string; team_id: string; account_id: string; role: 'writer' | 'editor'; user_job_id: string | null; added_at: Timestamp };
export type GloriaThemeTable = {
  id: string;
  slug: string;
  team_id: string;
  title: string;
  intro: string;
  state: Generated<'draft' | 'published'>;
  published_at: Timestamp | null;
  is_example: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type GloriaArticleTable = {
  id: string;
  slug: string;
  team_id: string;
  kind: 'news' | 'article' | 'life_story';
  title: string;
  lead: Generated<string>;
  body: string;
  theme_id: string | null;
  theme_position: number | null;
  state: Generated<'draft' | 'review' | 'published' | 'withdrawn'>;
  review_comment: string | null;
  author_account_id: string | null;
  author_name: string;
  storyteller_name: string | null;
  storyteller_anonymous: Generated<boolean>;
  consent_on: DateString | null;
  consent_how: 'in_person' | 'phone' | 'written' | null;
  consent_recorded_by_name: string | null;
  storyteller_delete_after: DateString | null;
  consent_withdrawn_at: Timestamp | null;
  published_at: Timestamp | null;
  published_by_name: string | null;
  is_example: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type GloriaImageTable = { id: string; article_id: string; mime: 'image/jpeg' | 'image/png' | 'image/webp'; alt: string; bytes: Uint8Array; created_at: Timestamp };

/** A volunteer recruited at an offering (ADR 033). */
export type VolunteerTable = {
  id: string;
  offering_id: string;
  display_name: string | null;
  contact: string | null;
  interests: string | null;
  came_through: 'public_form' | 'in_person';
  screening: Generated<'pending' | 'approved' | 'refused'>;
  screened_at: Timestamp | null;
  trained_on: DateString | null;
  insurance_confirmed_on: DateString | null;
  agreement: string | null;
  purpose: string;
  delete_after: DateString;
  created_at: Timestamp;
  anonymised_at: Timestamp | null;
  version: Generated<number>;
  area: string | null;
  languages: string | null;
};

/** A user's request for a network friend (ADR 033). */
export type FriendRequestTable = {
  id: string;
  offering_id: string;
  display_name: string | null;
  contact: string | null;
  interests: string | null;
  area: string | null;
  languages: string | null;
  requested_on: DateString;
  purpose: string;
  delete_after: DateString;
  anonymised_at: Timestamp | null;
};

export type FriendMatchTable = {
  id: string;
  request_id: string;
  volunteer_id: string;
  matched_on: DateString;
  user_consent_on: DateString;
  volunteer_consent_on: DateString;
  followup_1_on: DateString | null;
  followup_3_on: DateString | null;
  ended_on: DateString | null;
  ended_by: 'user' | 'volunteer' | 'staff' | null;
};

export type VolunteerAssignmentTable = {
  id: string;
  volunteer_id: string;
  role: 'food_club' | 'debt_advice' | 'activities' | 'other';
  hours_per_week: number;
  starts_on: DateString;
  created_at: Timestamp;
};

export type CorrectionTaskTable = {
  id: string;
  offering_id: string;
  text: string;
  contact_email: string | null;
  created_at: Timestamp;
  status: Generated<'open' | 'closed'>;
  closed_by: string | null;
  closed_at: Timestamp | null;
  resolution_note: string | null;
};

export type SigningKeyTable = { name: string; secret: string; created_at: Timestamp };

export type SeedStateTable = { name: string; checksum: string; seeded_at: Timestamp };

/** Every word of the places' texts, as written, with its folded form (migration 0014, ADR 021). */
export type FinderWordTable = {
  word: string;
  folded: ColumnType<string, never, never>;
};

/** Each place's words as a 'simple' tsvector, written by a trigger with every save (migration 0014). */
export type OfferingWordsTable = {
  offering_id: string;
  words: ColumnType<string, never, never>;
};

/** One row: moved on by every change to what the finder reads about the whole range (migration 0014). */
export type RangeVersionTable = {
  id: Generated<boolean>;
  version: ColumnType<string, never, never>;
};

export type CourseTable = {
  id: string;
  slug: string;
  title: string;
  kind: 'open' | 'referred';
  track: 'life_skills' | 'youth_education_work' | 'health' | 'community';
  purpose: string;
  target_group: string;
  offering_id: string;
  run_by: 'staff' | 'peer' | 'staff_and_peer';
  format: Generated<'group' | 'individual'>;
  capacity: number;
  language: Generated<string>;
  price: string | null;
  how_to_join: string;
  goal: string | null;
  status: Generated<'open' | 'cancelled'>;
  cancel_reason: string | null;
  version: Generated<number>;
  seed_refs: Generated<string[]>;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type CourseSessionTable = {
  id: string;
  course_id: string;
  on_date: DateString;
  starts_at: string;
  ends_at: string;
  location_id: string | null;
  place_note: string | null;
  is_cancelled: Generated<boolean>;
};

export type CourseParticipantTable = {
  id: string;
  course_id: string;
  position: number;
  display_name: string;
  contact: string | null;
  state: 'enrolled' | 'waitlisted' | 'left' | 'removed';
  token_hash: string;
  referral_id: string | null;
  joined_at: Timestamp;
  promoted_at: Timestamp | null;
  left_at: Timestamp | null;
  anonymised_at: Timestamp | null;
};

export type ReferralTable = {
  id: string;
  course_id: string;
  referrer_account_id: string;
  referrer_name: string;
  referrer_organisation: string;
  citizen_name: string | null;
  citizen_contact: string | null;
  consent_shared: string | null;
  consent_with: string | null;
  consent_until: DateString | null;
  consent_recorded_at: Timestamp | null;
  consent_withdrawn_at: Timestamp | null;
  state: 'sent' | 'accepted' | 'waitlisted' | 'declined' | 'started' | 'completed' | 'stopped';
  reason: string | null;
  token_hash: string;
  participant_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  anonymised_at: Timestamp | null;
};

export type ReferralEventTable = {
  id: Generated<string>;
  referral_id: string;
  state: string;
  reason: string | null;
  at: Timestamp;
  by_name: string;
};

export type CourseAttendanceTable = { session_id: string; participant_id: string; present: boolean; recorded_at: Timestamp };

export type CourseSelfRatingTable = { participant_id: string; phase: 'before' | 'after'; score: number; recorded_at: Timestamp };

export type CourseTargetTable = {
  organization_id: string;
  from_year: number;
  to_year: number | null;
  minimum_per_year: number;
  basis: string;
  seed_refs: Generated<string[]>;
};

/** Planning scenarios (migration 0017, ADR 030); `changes` is domain/planning ScenarioChange[]. */
export type PlanningScenarioTable = {
  id: string;
  title: string;
  summary: Generated<string>;
  starts_on: string;
  state: Generated<'draft' | 'published'>;
  changes: ColumnType<unknown, string | undefined, string>;
  premises: ColumnType<unknown, string | undefined, string>;
  transitions: ColumnType<unknown, string | undefined, string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  updated_by_name: string;
  published_at: Timestamp | null;
  seed_refs: Generated<string[]>;
};

export type PlanningHearingTable = { scenario_id: string; deadline: string; opened_at: Timestamp; opened_by_name: string };

export type PlanningHearingResponseTable = {
  id: string;
  scenario_id: string;
  received_on: string;
  sender_kind: 'user_council' | 'operator' | 'citizen' | 'other';
  organisation: string | null;
  summary: string;
  sender_name: string | null;
  sender_contact: string | null;
  case_number: string | null;
  registered_by_name: string;
  registered_at: Timestamp;
};

export type PlanningLetterTable = {
  id: string;
  case_number: string;
  scenario_id: string | null;
  received_on: string;
  sender_kind: 'user_council' | 'operator' | 'citizen' | 'politician' | 'other';
  subject: string;
  summary: string;
  sender_name: string | null;
  sender_contact: string | null;
  reply_text: string | null;
  replied_on: string | null;
  forget_on: string;
  version: Generated<number>;
  registered_by_name: string;
  registered_at: Timestamp;
  updated_at: Timestamp;
};

/** The annual city-wide user meeting (migration 0024, ADR 036). */
export type UserMeetingTable = {
  id: string;
  slug: string;
  title: string;
  held_on: DateString;
  starts_at: string;
  place: string;
  seats: number;
  agenda: string;
  minutes: string | null;
  minutes_published_at: Timestamp | null;
  registration_open: Generated<boolean>;
  is_example: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
};

export type UserMeetingRegistrationTable = {
  id: string;
  meeting_id: string;
  token_hash: string;
  position: number;
  state: 'registered' | 'waiting' | 'left';
  display_name: string | null;
  phone: string | null;
  meets_at_offering: boolean;
  access_needs: string | null;
  interpreter_language: string | null;
  came_through: 'public_form' | 'staff';
  moved_up_at: Timestamp | null;
  left_at: Timestamp | null;
  purpose: string;
  delete_after: DateString;
  anonymised_at: Timestamp | null;
  created_at: Timestamp;
};

export type UserMeetingProposalTable = {
  id: string;
  meeting_id: string;
  council_id: string | null;
  position: number;
  title: string;
  text: string;
  votes_for: number | null;
  votes_against: number | null;
  votes_blank: number | null;
  tallied_at: Timestamp | null;
  created_at: Timestamp;
};

/** Peer counsellors (migration 0024, ADR 036). */
export type PeerCohortTable = { id: string; name: string; year: number; target_min: number; target_max: number; course_id: string | null; created_at: Timestamp; closed_on: Generated<DateString | null> };
export type PeerModuleTable = { id: string; cohort_id: string; position: number; title: string; hours: number; course_session_id: string | null };
export type PeerCounsellorTable = {
  id: string;
  cohort_id: string;
  display_name: string | null;
  phone: string | null;
  course_participant_id: string | null;
  certified_on: DateString | null;
  purpose: string;
  delete_after: DateString;
  anonymised_at: Timestamp | null;
  created_at: Timestamp;
};
export type PeerAttendanceTable = { module_id: string; counsellor_id: string; recorded_at: Timestamp };
export type PeerSessionAttendanceTable = { session_id: string; counsellor_id: string; recorded_at: Timestamp };
export type UserJobApplicationTable = {
  id: string;
  job_id: string;
  display_name: string;
  phone: string | null;
  comes_by: boolean;
  message: string | null;
  purpose: string;
  delete_after: DateString;
  created_at: Timestamp;
  answered_at: Timestamp | null;
  answered_by: string | null;
};
export type PeerSessionTable = { id: string; cohort_id: string; kind: 'peer_meeting' | 'supervision'; offering_id: string | null; on_date: DateString; starts_at: string; ends_at: string; created_at: Timestamp };
export type PeerAssignmentTable = { id: string; counsellor_id: string; offering_id: string; course_id: string | null; since: DateString; created_at: Timestamp };

export type DB = {
  account: AccountTable;
  role_grant: RoleGrantTable;
  account_session: AccountSessionTable;
  one_time_link: OneTimeLinkTable;
  outbox: OutboxTable;
  job_schedule: JobScheduleTable;
  audit_entry: AuditEntryTable;
  proposed_change: ProposedChangeTable;
  times_proposal: TimesProposalTable;
  freshness_clock: FreshnessClockTable;
  freshness_reminder: FreshnessReminderTable;
  correction_task: CorrectionTaskTable;
  visit_tally: VisitTallyTable;
  visit_month_review: VisitMonthReviewTable;
  visit_count_setting: VisitCountSettingTable;
  member_visit: MemberVisitTable;
  planning_scenario: PlanningScenarioTable;
  planning_hearing: PlanningHearingTable;
  planning_hearing_response: PlanningHearingResponseTable;
  planning_letter: PlanningLetterTable;
  signing_key: SigningKeyTable;
  seed_state: SeedStateTable;
  source_document: SourceDocumentTable;
  organization: OrganizationTable;
  track: TrackTable;
  district: DistrictTable;
  offering: OfferingTable;
  offering_also_serves: OfferingAlsoServesTable;
  taxonomy: TaxonomyTable;
  taxonomy_term: TaxonomyTermTable;
  offering_term: OfferingTermTable;
  location: LocationTable;
  service_at_location: ServiceAtLocationTable;
  room: RoomTable;
  status_event: StatusEventTable;
  budget_line: BudgetLineTable;
  grant_expiry: GrantExpiryTable;
  appropriation: AppropriationTable;
  budget_transfer: BudgetTransferTable;
  schedule: ScheduleTable;
  schedule_exception: ScheduleExceptionTable;
  holiday_rule: HolidayRuleTable;
  activity: ActivityTable;
  finder_word: FinderWordTable;
  offering_words: OfferingWordsTable;
  range_version: RangeVersionTable;
  course: CourseTable;
  course_session: CourseSessionTable;
  course_participant: CourseParticipantTable;
  referral: ReferralTable;
  referral_event: ReferralEventTable;
  course_attendance: CourseAttendanceTable;
  course_self_rating: CourseSelfRatingTable;
  course_target: CourseTargetTable;
  council: CouncilTable;
  council_member: CouncilMemberTable;
  council_meeting: CouncilMeetingTable;
  council_meeting_present: CouncilMeetingPresentTable;
  council_decision: CouncilDecisionTable;
  fund_round: FundRoundTable;
  fund_proposal: FundProposalTable;
  fund_code: FundCodeTable;
  fund_vote: FundVoteTable;
  user_job: UserJobTable;
  user_job_holder: UserJobHolderTable;
  volunteer: VolunteerTable;
  volunteer_assignment: VolunteerAssignmentTable;
  friend_request: FriendRequestTable;
  friend_match: FriendMatchTable;
  user_meeting: UserMeetingTable;
  user_meeting_registration: UserMeetingRegistrationTable;
  user_meeting_proposal: UserMeetingProposalTable;
  peer_cohort: PeerCohortTable;
  peer_module: PeerModuleTable;
  peer_counsellor: PeerCounsellorTable;
  peer_attendance: PeerAttendanceTable;
  peer_assignment: PeerAssignmentTable;
  peer_session: PeerSessionTable;
  peer_session_attendance: PeerSessionAttendanceTable;
  user_job_application: UserJobApplicationTable;
  gloria_team: GloriaTeamTable;
  gloria_member: GloriaMemberTable;
  gloria_theme: GloriaThemeTable;
  gloria_article: GloriaArticleTable;
  gloria_image: GloriaImageTable;
};
