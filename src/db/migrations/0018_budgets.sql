-- Budgets (issue 8, ADR 032): appropriations and transfers between them. Budget lines (budget_line) and grants
-- with their expiry (grant_expiry) are from 0001. Amounts in 1,000 DKK at a stated price level.
-- Runs on PGlite and PostgreSQL >= 15.

create table appropriation (
  number text primary key check (number ~ '^[0-9]{2,8}$'),
  name text not null check (length(trim(name)) between 1 and 200),
  committee text not null,
  function_code text not null,
  seed_refs text[] not null default '{}'
);

-- The appropriations the budget lines already name.
insert into appropriation (number, name, committee, function_code, seed_refs)
select distinct on (appropriation) appropriation, appropriation_name, committee, function_code, seed_refs
from budget_line
order by appropriation, year
on conflict (number) do nothing;

-- A transfer takes one amount a year from one appropriation and gives the same amount to another: it balances
-- by construction. last_year null: permanent.
create table budget_transfer (
  id uuid primary key,
  from_appropriation text not null references appropriation (number),
  to_appropriation text not null references appropriation (number),
  first_year integer not null check (first_year between 2000 and 2100),
  last_year integer check (last_year between 2000 and 2100),
  amount_thousand_dkk numeric(14, 1) not null check (amount_thousand_dkk > 0),
  price_level integer not null check (price_level between 1990 and 2100),
  reason text not null check (length(trim(reason)) between 1 and 1000),
  offering_id uuid references offering (id) on delete set null,
  created_by uuid references account (id) on delete set null,
  created_by_name text,
  created_at timestamptz not null default now(),
  seed_refs text[] not null default '{}',
  check (from_appropriation <> to_appropriation),
  check (last_year is null or last_year >= first_year)
);

create index budget_transfer_from on budget_transfer (from_appropriation);
create index budget_transfer_to on budget_transfer (to_appropriation);

-- The seeded movement (seed 001) as a transfer, when the budget lines are already there; a fresh database gets it
-- from the seed (db/seed/seed-range.ts) with the same id.
insert into budget_transfer (id, from_appropriation, to_appropriation, first_year, last_year, amount_thousand_dkk, price_level, reason, offering_id, seed_refs)
select 'fd940b2a-cc1d-56a3-aedd-f080f2628d42', '1613', '1616', min(year), null, -max(amount_thousand_dkk), min(price_level),
  'Kontaktcenterets budget flyttes fra bevilling 1613 til 1616, fordi brugerne hovedsageligt har et misbrug.',
  min(offering_id::text)::uuid, array['001']
from budget_line
where appropriation = '1613' and amount_thousand_dkk < 0 and is_permanent
having count(*) > 0 and exists (select 1 from appropriation where number = '1616')
on conflict (id) do nothing;
