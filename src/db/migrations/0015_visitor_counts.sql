-- Visitor counts (issue 7, ADR 026): anonymous tallies of visits per day, registered by the offering's staff.
-- No row names a visitor. Runs on PGlite and PostgreSQL >= 15.

create table visit_tally (
  id uuid primary key,
  -- Made by the page or the device that counted; a retry or a second send of the same tally hits this key
  -- and is not counted again.
  client_id text not null unique check (client_id ~ '^[A-Za-z0-9-]{8,64}$'),
  offering_id uuid not null references offering (id) on delete cascade,
  on_date date not null,
  visits integer not null check (visits between 0 and 10000),
  -- Counted on a day the schedule says the place was closed, and the person confirmed it was open anyway.
  open_anyway boolean not null default false,
  registered_by uuid references account (id) on delete set null,
  -- The name as it was, so the figure keeps its provenance when the account is closed.
  registered_by_name text not null,
  registered_at timestamptz not null
);

create index visit_tally_offering_date on visit_tally (offering_id, on_date);

-- A month's figure confirmed or disputed by those who answer for the place (ADR 026). Rows are only added:
-- the latest row of an offering's month is its state, the earlier ones its history.
create table visit_month_review (
  id uuid primary key,
  -- The order the verdicts came in, also within the same instant.
  seq bigint generated always as identity,
  offering_id uuid not null references offering (id) on delete cascade,
  month text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  verdict text not null check (verdict in ('confirmed', 'disputed')),
  -- The figure the person saw, so a later change to the month's tallies shows the review is out of date.
  visits_seen integer not null,
  comment text check (length(comment) <= 2000),
  reviewed_by uuid references account (id) on delete set null,
  reviewed_by_name text not null,
  reviewed_at timestamptz not null,
  check (verdict = 'confirmed' or length(trim(comment)) > 0)
);

create index visit_month_review_offering_month on visit_month_review (offering_id, month, seq);
