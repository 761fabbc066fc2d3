-- The range of offerings: who runs what, where, with which profile, and how its status changes over time.
-- Runs unchanged on PGlite and on PostgreSQL >= 15.

create table source_document (
  id text primary key,
  title text not null,
  document_date date,
  case_number text
);

create table organization (
  id uuid primary key,
  slug text not null unique,
  name text not null,
  description text not null,
  kind text not null check (kind in ('administration', 'centre', 'operator')),
  ownership text check (ownership in ('municipal', 'self_governing')),
  parent_id uuid references organization (id),
  website text,
  email text,
  note text,
  seed_refs text[] not null default '{}',
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table track (
  id uuid primary key,
  slug text not null unique,
  centre_id uuid not null references organization (id),
  name text not null,
  name_en text not null,
  seed_refs text[] not null default '{}'
);

create table district (
  id uuid primary key,
  slug text not null unique,
  name text not null,
  centre_id uuid references organization (id),
  centre_basis text
);

create table offering (
  id uuid primary key,
  slug text not null unique,
  name text not null,
  alternate_name text,
  description text not null default '',
  first_visit text,
  who_meets_you text,
  has_quiet_room boolean,
  staffing text check (staffing in ('staff', 'user_run', 'staff_and_user_run')),
  profile text check (profile in ('social', 'development', 'both')),
  profile_basis text,
  provider_id uuid not null references organization (id),
  operator_id uuid references organization (id),
  operator_note text,
  ownership text check (ownership in ('municipal', 'self_governing')),
  centre_id uuid references organization (id),
  parent_id uuid references offering (id),
  parent_relation text check (parent_relation in ('satellite', 'part')),
  email text,
  phone text,
  url text,
  source_note text,
  seed_refs text[] not null default '{}',
  is_example boolean not null default false,
  search_vector tsvector generated always as (
    to_tsvector('danish', coalesce(name, '') || ' ' || coalesce(alternate_name, '') || ' ' || coalesce(description, ''))
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((parent_id is null) = (parent_relation is null)),
  check (parent_id is null or parent_id <> id)
);
create index offering_search_idx on offering using gin (search_vector);
create index offering_updated_idx on offering (updated_at);

create table offering_also_serves (
  offering_id uuid not null references offering (id) on delete cascade,
  centre_id uuid not null references organization (id),
  primary key (offering_id, centre_id)
);

create table taxonomy (
  id uuid primary key,
  slug text not null unique,
  name text not null,
  description text not null,
  version text
);

create table taxonomy_term (
  id uuid primary key,
  taxonomy_id uuid not null references taxonomy (id),
  code text not null,
  name text not null,
  description text not null,
  parent_id uuid references taxonomy_term (id),
  unique (taxonomy_id, code)
);

-- Multi-valued classifications of an offering (target groups, interests); the profile is a column.
create table offering_term (
  offering_id uuid not null references offering (id) on delete cascade,
  term_id uuid not null references taxonomy_term (id),
  basis text,
  primary key (offering_id, term_id)
);

create table location (
  id uuid primary key,
  slug text not null unique,
  kind text not null check (kind in ('address', 'area')),
  name text not null,
  address_1 text,
  postal_code text,
  city text,
  municipality text not null default 'København',
  district_id uuid references district (id),
  neighbourhood text,
  area_description text,
  latitude double precision,
  longitude double precision,
  coordinate_precision text not null check (coordinate_precision in ('approximate', 'address', 'none')),
  seed_refs text[] not null default '{}',
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((latitude is null) = (longitude is null)),
  check ((latitude is null) = (coordinate_precision = 'none')),
  check (kind = 'area' or address_1 is not null),
  check (kind = 'address' or area_description is not null)
);

create table service_at_location (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  location_id uuid not null references location (id),
  description text,
  updated_at timestamptz not null default now(),
  unique (offering_id, location_id)
);

create table room (
  id uuid primary key,
  location_id uuid not null references location (id) on delete cascade,
  offering_id uuid references offering (id) on delete cascade,
  name text not null,
  description text,
  is_quiet boolean not null default false,
  seed_refs text[] not null default '{}',
  is_example boolean not null default false
);

-- Status over time as dated events; occurs_on null means the source gives no date.
create table status_event (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  status text not null check (
    status in ('proposed', 'opens', 'active', 'closing', 'closed', 'merged_into', 'replaced_by', 'moved')
  ),
  occurs_on date,
  recorded_on date,
  is_baseline boolean not null default false,
  related_offering_id uuid references offering (id),
  note text,
  seed_refs text[] not null default '{}',
  check (is_baseline or recorded_on is not null or occurs_on is not null),
  check ((status in ('merged_into', 'replaced_by')) <= (related_offering_id is not null))
);
create index status_event_offering_idx on status_event (offering_id);

create table budget_line (
  id uuid primary key,
  committee text not null,
  appropriation text not null,
  appropriation_name text not null,
  function_code text not null,
  kind text not null check (kind in ('expense', 'income')),
  year integer not null,
  amount_thousand_dkk numeric(14, 1) not null,
  price_level integer not null,
  is_permanent boolean not null,
  offering_id uuid references offering (id),
  note text,
  seed_refs text[] not null default '{}'
);

create table grant_expiry (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  expires_year integer not null,
  expires_on date,
  was_renewed boolean,
  note text,
  seed_refs text[] not null default '{}'
);

-- Regular opening hours (HSDS schedule, weekly). The schedule issue widens this model.
create table schedule (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  opens_at time not null,
  closes_at time not null,
  is_user_run boolean not null default false,
  is_staff_present boolean not null default true,
  description text,
  is_example boolean not null default false,
  updated_at timestamptz not null default now(),
  check (closes_at > opens_at),
  check (is_user_run or is_staff_present)
);
create index schedule_offering_idx on schedule (offering_id);

create table activity (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  location_id uuid references location (id),
  name text not null,
  description text,
  weekday smallint check (weekday between 1 and 7),
  starts_at time,
  ends_at time,
  is_user_run boolean not null default false,
  is_example boolean not null default false,
  updated_at timestamptz not null default now(),
  check (ends_at is null or starts_at is null or ends_at > starts_at)
);
create index activity_offering_idx on activity (offering_id);
