-- The annual city-wide user meeting (ADR 036): a meeting with its place, agenda and seats; registrations with as
-- little as the day needs (a first name, a phone or «meets at the offering», accessibility needs, an interpreter
-- language), each with its owner (the city), purpose and deletion date; a waiting list, first in first out; the
-- councils' proposals and the tallies staff enter at the meeting; the minutes, published when staff say so.
-- Runs on PGlite and PostgreSQL >= 15.

create table user_meeting (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,119}$'),
  title text not null check (length(trim(title)) between 1 and 120),
  held_on date not null,
  starts_at text not null check (starts_at ~ '^([01]\d|2[0-3]):[0-5]\d$'),
  place text not null check (length(trim(place)) between 1 and 300),
  -- The rooms' seats together; registrations beyond them wait.
  seats integer not null check (seats between 1 and 5000),
  agenda text not null check (length(agenda) between 1 and 4000),
  minutes text check (length(minutes) <= 8000),
  minutes_published_at timestamptz,
  registration_open boolean not null default true,
  is_example boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null,
  check (minutes_published_at is null or minutes is not null)
);
create index user_meeting_held_idx on user_meeting (held_on);

create table user_meeting_registration (
  id uuid primary key,
  meeting_id uuid not null references user_meeting (id) on delete cascade,
  -- SHA-256 of the personal link's key; the key itself is only in the person's link.
  token_hash text not null unique,
  -- Order of arrival within the meeting: the waiting list moves up by it, first in first out.
  position integer not null,
  state text not null check (state in ('registered', 'waiting', 'left')),
  -- A first name; null once anonymised.
  display_name text check (length(display_name) between 1 and 60),
  -- A phone number, or null when the person is met at the offering.
  phone text check (length(phone) <= 20),
  meets_at_offering boolean not null,
  access_needs text check (length(access_needs) <= 500),
  interpreter_language text check (length(interpreter_language) <= 60),
  came_through text not null check (came_through in ('public_form', 'staff')),
  moved_up_at timestamptz,
  left_at timestamptz,
  -- The owner is the city (the meeting is city-wide); the purpose and the deletion date are on every row.
  purpose text not null,
  delete_after date not null,
  anonymised_at timestamptz,
  created_at timestamptz not null,
  unique (meeting_id, position),
  check ((anonymised_at is null) = (display_name is not null)),
  check (anonymised_at is null or (phone is null and access_needs is null and interpreter_language is null))
);
create index user_meeting_registration_meeting_idx on user_meeting_registration (meeting_id, state, position);
create index user_meeting_registration_delete_idx on user_meeting_registration (delete_after) where anonymised_at is null;

create table user_meeting_proposal (
  id uuid primary key,
  meeting_id uuid not null references user_meeting (id) on delete cascade,
  -- The council that puts the proposal forward.
  council_id uuid references council (id) on delete set null,
  position integer not null,
  title text not null check (length(trim(title)) between 1 and 120),
  text text not null check (length(text) between 1 and 3000),
  -- Tallies entered by staff at the meeting (a show of hands or ballots counted in the room); null until then.
  votes_for integer check (votes_for between 0 and 5000),
  votes_against integer check (votes_against between 0 and 5000),
  votes_blank integer check (votes_blank between 0 and 5000),
  tallied_at timestamptz,
  created_at timestamptz not null,
  unique (meeting_id, position),
  check ((tallied_at is null) = (votes_for is null) and (votes_for is null) = (votes_against is null) and (votes_for is null) = (votes_blank is null))
);

-- Peer counsellors (ADR 036): a cohort trained in modules with hours; a module may be a meeting of a course in the
-- course system (ADR 023), and then a counsellor linked to that course's participant has attended when the course's
-- attendance says so; other modules are recorded here. A counsellor is certified when every module is attended,
-- assigned to offerings and courses, and counted per year against the cohort's target.
create table peer_cohort (
  id uuid primary key,
  name text not null check (length(trim(name)) between 1 and 120),
  year integer not null check (year between 2000 and 2100),
  target_min integer not null check (target_min between 1 and 500),
  target_max integer not null check (target_max between 1 and 500),
  -- The training course in the course system whose meetings and attendance the modules may use.
  course_id uuid references course (id) on delete set null,
  created_at timestamptz not null,
  check (target_min <= target_max)
);

create table peer_module (
  id uuid primary key,
  cohort_id uuid not null references peer_cohort (id) on delete cascade,
  position integer not null,
  title text not null check (length(trim(title)) between 1 and 120),
  hours integer not null check (hours between 1 and 100),
  -- A meeting of the cohort's course: attendance is read from course_attendance.
  course_session_id uuid references course_session (id) on delete set null,
  unique (cohort_id, position)
);

create table peer_counsellor (
  id uuid primary key,
  cohort_id uuid not null references peer_cohort (id) on delete cascade,
  display_name text check (length(display_name) between 1 and 60),
  -- A phone number or null (met at the offering).
  phone text check (length(phone) <= 20),
  -- The same person as a participant of the cohort's course, so their attendance there counts.
  course_participant_id uuid references course_participant (id) on delete set null,
  certified_on date,
  purpose text not null,
  delete_after date not null,
  anonymised_at timestamptz,
  created_at timestamptz not null,
  check ((anonymised_at is null) = (display_name is not null))
);
create index peer_counsellor_cohort_idx on peer_counsellor (cohort_id);

create table peer_attendance (
  module_id uuid not null references peer_module (id) on delete cascade,
  counsellor_id uuid not null references peer_counsellor (id) on delete cascade,
  recorded_at timestamptz not null,
  primary key (module_id, counsellor_id)
);

create table peer_assignment (
  id uuid primary key,
  counsellor_id uuid not null references peer_counsellor (id) on delete cascade,
  offering_id uuid not null references offering (id) on delete cascade,
  course_id uuid references course (id) on delete set null,
  since date not null,
  created_at timestamptz not null
);
create index peer_assignment_counsellor_idx on peer_assignment (counsellor_id);

-- Peer meetings at an offering (public: where and when, never who) and supervision sessions for a cohort.
create table peer_session (
  id uuid primary key,
  cohort_id uuid not null references peer_cohort (id) on delete cascade,
  kind text not null check (kind in ('peer_meeting', 'supervision')),
  offering_id uuid references offering (id) on delete cascade,
  on_date date not null,
  starts_at text not null check (starts_at ~ '^([01]\d|2[0-3]):[0-5]\d$'),
  ends_at text not null check (ends_at ~ '^([01]\d|2[0-3]):[0-5]\d$'),
  created_at timestamptz not null,
  check (starts_at < ends_at),
  check (kind = 'supervision' or offering_id is not null)
);
create index peer_session_date_idx on peer_session (on_date);
