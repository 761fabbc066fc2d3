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
