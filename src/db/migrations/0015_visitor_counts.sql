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
