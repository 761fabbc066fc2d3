-- Users as co-creators, first part (ADR 033): user councils and activity councils per offering, and city-wide
-- ones. Members are people who use the offerings: a member record holds as little as the council needs, its
-- owner (the council's offering, or the city for a city-wide council), its purpose and the date it is deleted.
-- Names never go into a meeting's texts: who was present is rows in council_meeting_present, rendered from the
-- member record, so a member who withdraws consent disappears from every published page at once.
-- Runs on PGlite and PostgreSQL >= 15.

create table council (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,119}$'),
  -- Null for a city-wide council.
  offering_id uuid references offering (id) on delete cascade,
  kind text not null check (kind in ('user', 'activity', 'city')),
  name text not null check (length(trim(name)) between 1 and 120),
  purpose text not null check (length(purpose) <= 2000),
  how_to_join text not null check (length(how_to_join) <= 2000),
  is_example boolean not null default false,
  created_at timestamptz not null,
  check ((kind = 'city') = (offering_id is null))
);
create index council_offering_idx on council (offering_id);

create table council_member (
  id uuid primary key,
  council_id uuid not null references council (id) on delete cascade,
  -- What the member wants to be called (a first name is enough); null once anonymised.
  display_name text check (length(display_name) between 1 and 60),
  -- A phone number or "meets at the offering"; never required, null once anonymised.
  contact text check (length(contact) <= 80),
  role text not null default 'member' check (role in ('chair', 'member')),
  -- The member's own choice: their name on the public pages or not.
  named_publicly boolean not null,
  consent_at timestamptz not null,
  consent_how text not null check (consent_how in ('in_person', 'phone', 'paper')),
  consent_recorded_by_name text not null,
  purpose text not null,
  -- The deletion date: consent is given for two years at a time; withdrawing it anonymises at once.
  delete_after date not null,
  withdrawn_at timestamptz,
  anonymised_at timestamptz,
  check ((anonymised_at is null) = (display_name is not null)),
  check (anonymised_at is null or contact is null)
);
create index council_member_council_idx on council_member (council_id);
create index council_member_delete_idx on council_member (delete_after) where anonymised_at is null;

create table council_meeting (
  id uuid primary key,
  council_id uuid not null references council (id) on delete cascade,
  held_on date not null,
  starts_at text check (starts_at ~ '^([01]\d|2[0-3]):[0-5]\d$'),
  agenda text not null check (length(agenda) between 1 and 4000),
  minutes text check (length(minutes) <= 8000),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index council_meeting_council_idx on council_meeting (council_id, held_on);

create table council_meeting_present (
  meeting_id uuid not null references council_meeting (id) on delete cascade,
  member_id uuid not null references council_member (id) on delete cascade,
  primary key (meeting_id, member_id)
);

create table council_decision (
  id uuid primary key,
  meeting_id uuid not null references council_meeting (id) on delete cascade,
  position integer not null,
  text text not null check (length(text) between 1 and 1000),
  -- What the decision asks for: a new activity or user-run opening hours, made through the ordinary editing.
  becomes text check (becomes in ('activity', 'hours')),
  unique (meeting_id, position)
);

-- The user fund (ADR 033): a yearly pool per district or city-wide. Ideas come from a public form without an
-- account; staff screen them; users vote with single-use codes handed out at the offerings. Only a code's hash is
-- stored, and its unique key makes a code count once. A proposal's contact is personal data with a deletion date.
create table fund_round (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,119}$'),
  year integer not null check (year between 2000 and 2100),
  -- Null for a city-wide pool.
  district_id uuid references district (id),
  name text not null check (length(trim(name)) between 1 and 120),
  amount_kr integer not null check (amount_kr between 1 and 100000000),
  phase text not null default 'proposals' check (phase in ('proposals', 'voting', 'closed')),
  is_example boolean not null default false,
  created_at timestamptz not null
);

create table fund_proposal (
  id uuid primary key,
  round_id uuid not null references fund_round (id) on delete cascade,
  title text not null check (length(title) between 1 and 120),
  description text not null check (length(description) between 1 and 3000),
  amount_kr integer not null check (amount_kr between 1 and 100000000),
  -- A council that stands behind the idea, or none (a user's own idea).
  council_id uuid references council (id) on delete set null,
  -- A phone number or e-mail to ask about the idea; optional, deleted at contact_delete_after.
  contact text check (length(contact) <= 80),
  contact_delete_after date not null,
  screening text not null default 'waiting' check (screening in ('waiting', 'accepted', 'rejected')),
  rejection text check (rejection in ('personal_data', 'outside_purpose', 'duplicate', 'other')),
  rejection_note text check (length(rejection_note) <= 1000),
  granted_kr integer check (granted_kr between 1 and 100000000),
  responsible text check (length(responsible) <= 120),
  follow_up text check (length(follow_up) <= 2000),
  created_at timestamptz not null,
  check ((screening = 'rejected') = (rejection is not null)),
  check (granted_kr is null or screening = 'accepted')
);
create index fund_proposal_round_idx on fund_proposal (round_id);

create table fund_code (
  -- SHA-256 of the round and the code; the code itself is printed once and never stored.
  code_hash text primary key,
  round_id uuid not null references fund_round (id) on delete cascade,
  -- The offering whose staff printed the sheet.
  offering_id uuid references offering (id) on delete set null,
  created_at timestamptz not null,
  used_at timestamptz
);
create index fund_code_round_idx on fund_code (round_id);

create table fund_vote (
  id uuid primary key,
  round_id uuid not null references fund_round (id) on delete cascade,
  proposal_id uuid not null references fund_proposal (id) on delete cascade,
  -- One vote per code: a used code is refused by this key even when two votes race.
  code_hash text not null unique references fund_code (code_hash) on delete cascade,
  cast_at timestamptz not null
);
create index fund_vote_proposal_idx on fund_vote (proposal_id);

-- User jobs (ADR 033): paid or unpaid tasks users hold at an offering. The job is public while it has a free seat;
-- who holds it is known only in the back office, with a purpose and a deletion date.
create table user_job (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  kind text not null check (kind in ('bookings', 'course_service', 'cafe', 'editorial', 'other')),
  title text not null check (length(trim(title)) between 1 and 120),
  description text not null check (length(description) between 1 and 2000),
  hours_per_week integer not null check (hours_per_week between 1 and 37),
  seats integer not null default 1 check (seats between 1 and 50),
  how_to_apply text not null check (length(how_to_apply) between 1 and 1000),
  is_example boolean not null default false,
  created_at timestamptz not null
);
create index user_job_offering_idx on user_job (offering_id);

create table user_job_holder (
  id uuid primary key,
  job_id uuid not null references user_job (id) on delete cascade,
  -- A first name is enough; null once anonymised.
  display_name text check (length(display_name) between 1 and 60),
  contact text check (length(contact) <= 80),
  since date not null,
  ended_on date,
  purpose text not null,
  delete_after date not null,
  anonymised_at timestamptz,
  check ((anonymised_at is null) = (display_name is not null))
);
create index user_job_holder_job_idx on user_job_holder (job_id);

-- Volunteers (ADR 033): recruited per offering, screened, trained and insured by the operator. No assignment before
-- the screening is approved and the insurance recorded (checked with the volunteer's row locked).
create table volunteer (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  -- A first name is enough; null once anonymised.
  display_name text check (length(display_name) between 1 and 60),
  -- A phone number or e-mail; null once anonymised.
  contact text check (length(contact) <= 80),
  interests text check (length(interests) <= 1000),
  came_through text not null check (came_through in ('public_form', 'in_person')),
  screening text not null default 'pending' check (screening in ('pending', 'approved', 'refused')),
  screened_at timestamptz,
  trained_on date,
  insurance_confirmed_on date,
  agreement text check (length(agreement) <= 2000),
  purpose text not null,
  delete_after date not null,
  created_at timestamptz not null,
  anonymised_at timestamptz,
  version integer not null default 1,
  check ((anonymised_at is null) = (display_name is not null))
);
create index volunteer_offering_idx on volunteer (offering_id);

create table volunteer_assignment (
  id uuid primary key,
  volunteer_id uuid not null references volunteer (id) on delete cascade,
  role text not null check (role in ('food_club', 'debt_advice', 'activities', 'other')),
  hours_per_week integer not null check (hours_per_week between 1 and 37),
  starts_on date not null,
  created_at timestamptz not null
);
create index volunteer_assignment_volunteer_idx on volunteer_assignment (volunteer_id);

-- Network friends (ADR 033): a user asks for a friend at the offering or through staff; staff match them with a
-- screened and insured volunteer by interests, area and language, with both parties' consent; follow-ups after one
-- and three months; either side ends it.
alter table volunteer add column area text check (length(area) <= 80);
alter table volunteer add column languages text check (length(languages) <= 120);

create table friend_request (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  -- A first name is enough; null once anonymised.
  display_name text check (length(display_name) between 1 and 60),
  contact text check (length(contact) <= 80),
  interests text check (length(interests) <= 1000),
  area text check (length(area) <= 80),
  languages text check (length(languages) <= 120),
  requested_on date not null,
  purpose text not null,
  delete_after date not null,
  anonymised_at timestamptz,
  check ((anonymised_at is null) = (display_name is not null))
);
create index friend_request_offering_idx on friend_request (offering_id);

create table friend_match (
  id uuid primary key,
  request_id uuid not null references friend_request (id) on delete cascade,
  volunteer_id uuid not null references volunteer (id) on delete cascade,
  matched_on date not null,
  -- Both parties said yes before the match was made.
  user_consent_on date not null,
  volunteer_consent_on date not null,
  followup_1_on date,
  followup_3_on date,
  ended_on date,
  ended_by text check (ended_by in ('user', 'volunteer', 'staff')),
  check ((ended_on is null) = (ended_by is null))
);
create index friend_match_request_idx on friend_match (request_id);
-- One running friendship per request.
create unique index friend_match_active_idx on friend_match (request_id) where ended_on is null;
