-- Changes of opening hours and activities by editors whose edits need review wait for the centre's approval,
-- like the texts' proposals (0009), but hold a whole schedule or one activity change instead of texts.

create table times_proposal (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  kind text not null check (kind in ('schedule', 'activity')),
  -- The proposed change (a whole schedule, or one activity change) and what it was written against
  -- (the schedule, or the activity, as the proposer saw it): approving is refused once that has changed.
  change jsonb not null,
  base jsonb,
  base_fingerprint text,
  summary text not null,
  proposed_by uuid not null references account (id),
  proposed_by_name text not null,
  created_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_by uuid references account (id),
  decided_by_name text,
  decided_at timestamptz,
  reason text,
  check ((status = 'rejected') <= (reason is not null))
);
create index times_proposal_offering_idx on times_proposal (offering_id, status);
