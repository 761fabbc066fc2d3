-- Courses (forløb): open ones anyone may join, referred ones a professional refers a citizen to with
-- the citizen's consent. Participants' data is minimal and is anonymised a set time after a course ends.
-- Runs unchanged on PGlite and on PostgreSQL >= 15.

create table course (
  id uuid primary key,
  slug text not null unique,
  title text not null,
  kind text not null check (kind in ('open', 'referred')),
  -- The centres' four city-wide tracks.
  track text not null check (track in ('life_skills', 'youth_education_work', 'health', 'community')),
  purpose text not null,
  target_group text not null,
  -- The offering that runs it: its staff see the participants.
  offering_id uuid not null references offering (id),
  run_by text not null check (run_by in ('staff', 'peer', 'staff_and_peer')),
  format text not null default 'group' check (format in ('group', 'individual')),
  capacity integer not null check (capacity between 1 and 500),
  language text not null default 'da',
  price text,
  how_to_join text not null,
  -- A referred course states what it should achieve, and the citizen rates it before and after.
  goal text,
  status text not null default 'open' check (status in ('open', 'cancelled')),
  cancel_reason text,
  version integer not null default 1,
  seed_refs text[] not null default '{}',
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'referred') <= (goal is not null)),
  check ((status = 'cancelled') <= (cancel_reason is not null))
);
create index course_offering_idx on course (offering_id);

-- Each meeting: a Copenhagen date and wall times, at the offering's place, another place, or a borrowed room.
create table course_session (
  id uuid primary key,
  course_id uuid not null references course (id) on delete cascade,
  on_date date not null,
  starts_at time not null,
  ends_at time not null,
  location_id uuid references location (id),
  place_note text,
  is_cancelled boolean not null default false,
  check (ends_at > starts_at)
);
create index course_session_course_idx on course_session (course_id, on_date);

-- A person on a course or its waiting list. Arrival order is `position`, taken under the course's lock.
create table course_participant (
  id uuid primary key,
  course_id uuid not null references course (id) on delete cascade,
  position integer not null,
  display_name text not null,
  -- Only when the person wants reminders and word of a free place: an email or a phone number.
  contact text,
  state text not null check (state in ('enrolled', 'waitlisted', 'left', 'removed')),
  -- The SHA-256 of the personal link's token: the confirmation, the way out. The token is made with the
  -- form, so a double click sends the same one twice and gets the first answer again.
  token_hash text not null unique,
  referral_id uuid,
  joined_at timestamptz not null,
  promoted_at timestamptz,
  left_at timestamptz,
  anonymised_at timestamptz,
  unique (course_id, position)
);
create index course_participant_state_idx on course_participant (course_id, state, position);

create table referral (
  id uuid primary key,
  course_id uuid not null references course (id),
  referrer_account_id uuid not null references account (id),
  referrer_name text not null,
  referrer_organisation text not null,
  citizen_name text,
  citizen_contact text,
  -- The citizen's consent as recorded by the referrer: what is shared, with whom, until when.
  consent_shared text,
  consent_with text,
  consent_until date,
  consent_recorded_at timestamptz,
  consent_withdrawn_at timestamptz,
  state text not null check (state in ('sent', 'accepted', 'waitlisted', 'declined', 'started', 'completed', 'stopped')),
  reason text,
  token_hash text not null unique,
  participant_id uuid references course_participant (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  anonymised_at timestamptz,
  check ((state in ('declined', 'stopped')) <= (reason is not null))
);
create index referral_course_idx on referral (course_id);
create index referral_referrer_idx on referral (referrer_account_id);

create table referral_event (
  id bigint generated always as identity primary key,
  referral_id uuid not null references referral (id) on delete cascade,
  state text not null,
  reason text,
  at timestamptz not null,
  by_name text not null
);

create table course_attendance (
  session_id uuid not null references course_session (id) on delete cascade,
  participant_id uuid not null references course_participant (id) on delete cascade,
  present boolean not null,
  recorded_at timestamptz not null,
  primary key (session_id, participant_id)
);

-- The citizen's own rating of the course goal, 1 (not at all) to 10 (fully), before and after.
create table course_self_rating (
  participant_id uuid not null references course_participant (id) on delete cascade,
  phase text not null check (phase in ('before', 'after')),
  score smallint not null check (score between 1 and 10),
  recorded_at timestamptz not null,
  primary key (participant_id, phase)
);

-- A yearly target per operator from a year on, e.g. Fountain House at least 28 structured courses a year.
create table course_target (
  organization_id uuid not null references organization (id),
  from_year integer not null,
  to_year integer,
  minimum_per_year integer not null check (minimum_per_year > 0),
  basis text not null,
  seed_refs text[] not null default '{}',
  primary key (organization_id, from_year),
  check (to_year is null or to_year >= from_year)
);

-- A partner professional refers citizens to courses and follows only their own referrals.
alter table role_grant drop constraint role_grant_role_check;
alter table role_grant add constraint role_grant_role_check check (
  role in ('offering_staff', 'operator_editor', 'centre_lead', 'planner', 'editor', 'system_admin', 'referrer')
);
