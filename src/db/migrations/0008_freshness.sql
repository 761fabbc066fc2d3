-- Freshness and public corrections (ADR 014). Runs unchanged on PGlite and on PostgreSQL >= 15.

-- When someone last said an offering's details are right, and who. Null until the first verification:
-- the seeded records come from documents of 2010-2016 and were never verified on the platform.
alter table offering add column verified_at timestamptz;
alter table offering add column verified_by uuid references account (id) on delete set null;

-- The day the platform started keeping records fresh: the clock of a record never verified starts here
-- (or at the record's own creation, if later), so the seeded range cannot leave the finder on day one.
create table freshness_clock (
  id boolean primary key default true check (id),
  started_at timestamptz not null default now()
);
insert into freshness_clock default values;

-- One row per reminder queued: an offering, the verification it counts from, and the stage it had
-- reached. The primary key is what makes the daily run idempotent.
create table freshness_reminder (
  offering_id uuid not null references offering (id) on delete cascade,
  cycle_start timestamptz not null,
  stage text not null check (stage in ('due_soon', 'stale', 'expired')),
  queued_at timestamptz not null,
  recipients integer not null,
  primary key (offering_id, cycle_start, stage)
);

-- A correction suggested by anyone on a public page, as a task for those who answer for the offering.
-- The contact email is optional and is deleted when the task is closed.
create table correction_task (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  text text not null check (length(text) between 1 and 2000),
  contact_email text check (contact_email is null or length(contact_email) <= 254),
  created_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  closed_by uuid references account (id) on delete set null,
  closed_at timestamptz,
  resolution_note text check (resolution_note is null or length(resolution_note) <= 2000),
  check ((status = 'closed') = (closed_at is not null)),
  check (status = 'open' or contact_email is null)
);
create index correction_task_open_idx on correction_task (offering_id) where status = 'open';

-- Keys that sign what the site hands out and takes back (the time a public form was made).
create table signing_key (
  name text primary key,
  secret text not null,
  created_at timestamptz not null
);
