-- The correspondence log of planning (issue 8, ADR 035): inquiries and letters from user councils, operators,
-- citizens and politicians, logged under a case number, linked to a scenario or not, with the reply and its
-- date. The sender's name and contact stay in the back office and are deleted on `forget_on`; subject, dates
-- and kind of sender are public for a published scenario. Runs on PGlite and PostgreSQL >= 15.

create table planning_letter (
  id uuid primary key,
  case_number text not null check (case_number ~ '^[0-9]{4}-[0-9]{7}(-[0-9]{1,4})?$'),
  scenario_id uuid references planning_scenario (id),
  received_on date not null,
  sender_kind text not null check (sender_kind in ('user_council', 'operator', 'citizen', 'politician', 'other')),
  subject text not null check (length(trim(subject)) between 1 and 200),
  summary text not null check (length(trim(summary)) between 1 and 4000),
  sender_name text check (sender_name is null or length(sender_name) <= 200),
  sender_contact text check (sender_contact is null or length(sender_contact) <= 300),
  reply_text text check (reply_text is null or length(trim(reply_text)) between 1 and 8000),
  replied_on date,
  -- The day the sender's name and contact are deleted: two years after the letter, or after the reply.
  forget_on date not null,
  version integer not null default 1,
  registered_by_name text not null,
  registered_at timestamptz not null,
  updated_at timestamptz not null,
  check ((reply_text is null) = (replied_on is null)),
  check (replied_on is null or replied_on >= received_on)
);

-- The same letter is logged once: one case number may hold several letters, but not two alike on one day.
create unique index planning_letter_once_idx on planning_letter (case_number, received_on, lower(subject));
create index planning_letter_scenario_idx on planning_letter (scenario_id, received_on);
create index planning_letter_forget_idx on planning_letter (forget_on);
