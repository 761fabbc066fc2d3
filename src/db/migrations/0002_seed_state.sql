-- Which version of the seed files was last loaded, so a restart with unchanged files skips seeding.
create table seed_state (
  name text primary key,
  checksum text not null,
  seeded_at timestamptz not null default now()
);
