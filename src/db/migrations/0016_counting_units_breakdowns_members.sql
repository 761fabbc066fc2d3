-- Visitor counting, the capture side (issue 7, ADR 028): tallies per opening period or per activity,
-- optional breakdowns as numbers only, and pseudonymous member numbers kept as a keyed hash.
-- Runs on PGlite and PostgreSQL >= 15.

-- How an offering counts. No row: per day, no breakdowns, no member numbers (ADR 026's tally).
create table visit_count_setting (
  offering_id uuid primary key references offering (id) on delete cascade,
  -- What one tally covers: the whole day, one opening period of the day, or one activity on the day.
  unit text not null default 'day' check (unit in ('day', 'period', 'activity')),
  -- The breakdowns the place asks for at every tally, a subset of the fixed four.
  breakdowns text[] not null default '{}' check (breakdowns <@ array['returning', 'age', 'gender', 'language']::text[]),
  member_numbers boolean not null default false,
  -- The key of the member numbers' hash, made once per offering and never shown: the same card number at
  -- two places gives two unrelated hashes, and the stored hash says nothing without the key.
  member_key text not null check (length(member_key) >= 32),
  updated_by_name text not null,
  updated_at timestamptz not null
);

-- A tally says what it covers. Old tallies are day tallies.
alter table visit_tally add column unit text not null default 'day' check (unit in ('day', 'period', 'activity'));
-- The opening period as it was in the schedule that day ('HH:MM'), for a period tally.
alter table visit_tally add column period_opens text check (period_opens ~ '^\d{2}:\d{2}$');
alter table visit_tally add column period_closes text check (period_closes ~ '^\d{2}:\d{2}$');
-- The activity's id in the offering's list and its name at the time, kept if the activity is removed later.
alter table visit_tally add column activity_id text check (length(activity_id) <= 80);
alter table visit_tally add column activity_name text check (length(activity_name) <= 300);
-- Counts per category, numbers only: {"age": {"u30": 3, "30-49": 5}, "gender": {...}}. Checked to be at
-- most the tally's visits per breakdown before it is stored.
alter table visit_tally add column breakdown jsonb check (breakdown is null or jsonb_typeof(breakdown) = 'object');
alter table visit_tally add constraint visit_tally_unit_fields check (
  (unit = 'day' and period_opens is null and activity_id is null)
  or (unit = 'period' and period_opens is not null and period_closes is not null and activity_id is null)
  or (unit = 'activity' and activity_id is not null and activity_name is not null and period_opens is null)
);

-- A member card seen on a day: only the keyed hash of its number. One row per card and day, whoever sends it.
create table member_visit (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  on_date date not null,
  member_hash text not null check (member_hash ~ '^[0-9a-f]{64}$'),
  registered_by uuid references account (id) on delete set null,
  registered_by_name text not null,
  registered_at timestamptz not null,
  unique (offering_id, on_date, member_hash)
);

create index member_visit_offering_date on member_visit (offering_id, on_date);
