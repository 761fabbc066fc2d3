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
