-- Planning scenarios (issue 8, ADR 030): the range on a start date and dated changes to it, each with its
-- rationale. The changes are one document, saved whole with a version check like every other form; a
-- published scenario is read-only (the trigger refuses any change but none). Runs on PGlite and PostgreSQL >= 15.

create table planning_scenario (
  id uuid primary key,
  title text not null check (length(trim(title)) between 1 and 200),
  summary text not null default '' check (length(summary) <= 4000),
  starts_on date not null,
  state text not null default 'draft' check (state in ('draft', 'published')),
  -- The changes in the order they were added (domain/planning/scenario.ts, ScenarioChange[]).
  changes jsonb not null default '[]',
  -- The premises of each place as the scenario rates them: { offeringId: { rating 1-5, note } }.
  premises jsonb not null default '{}',
  -- The transition plan of each closing place: { offeringId: { reducedFrom, reducedHours, helpers } }.
  transitions jsonb not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  updated_by uuid references account (id) on delete set null,
  updated_by_name text not null,
  published_at timestamptz,
  seed_refs text[] not null default '{}',
  check ((state = 'published') = (published_at is not null))
);

create index planning_scenario_state_idx on planning_scenario (state, updated_at);

create function planning_scenario_read_only() returns trigger language plpgsql as $$
begin
  if old.state = 'published' then
    raise exception 'planning_scenario % is published and read-only', old.id;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger planning_scenario_read_only before update or delete on planning_scenario
  for each row execute function planning_scenario_read_only();

-- A published scenario sent for consultation (hearing) with a deadline; at most one hearing per scenario.
create table planning_hearing (
  scenario_id uuid primary key references planning_scenario (id),
  deadline date not null,
  opened_at timestamptz not null,
  opened_by_name text not null
);

-- Responses to a hearing, registered by staff as they arrive (letter, mail, meeting). The summary and the
-- sender's kind and organisation are public; the sender's name and contact never leave the back office.
create table planning_hearing_response (
  id uuid primary key,
  scenario_id uuid not null references planning_hearing (scenario_id),
  received_on date not null,
  sender_kind text not null check (sender_kind in ('user_council', 'operator', 'citizen', 'other')),
  organisation text check (organisation is null or length(organisation) <= 200),
  summary text not null check (length(trim(summary)) between 1 and 4000),
  sender_name text,
  sender_contact text,
  case_number text,
  registered_by_name text not null,
  registered_at timestamptz not null,
  check (sender_kind <> 'citizen' or organisation is null)
);

create index planning_hearing_response_scenario_idx on planning_hearing_response (scenario_id, received_on);
