-- Edits by a self-governing operator's editors can wait for the centre's approval before they go public.

-- Null follows the default: review for self-governing operators, none for the municipality's own.
alter table organization add column edits_need_review boolean;

create table proposed_change (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  proposed_by uuid not null references account (id),
  proposed_by_name text not null,
  -- The texts as proposed, and the texts and version of the offering they were written against: only
  -- the fields that differ from the base are applied, so another change made meanwhile is kept.
  texts jsonb not null,
  base_texts jsonb not null,
  base_version integer not null,
  created_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_by uuid references account (id),
  decided_by_name text,
  decided_at timestamptz,
  reason text,
  check ((status = 'rejected') <= (reason is not null))
);
create index proposed_change_offering_idx on proposed_change (offering_id, status);
