-- Background jobs and the outbox's delivery (ADR 020). Runs unchanged on PGlite and on PostgreSQL >= 15.

-- One row per named periodic job: when it is due next, and which process holds it until when. A process
-- takes a job by moving next_run_at and setting locked_until in one update, so with several processes
-- one of them runs it; the work itself is still idempotent, and the lock only saves doing it twice.
create table job_schedule (
  name text primary key,
  next_run_at timestamptz not null,
  locked_by text,
  locked_until timestamptz,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  -- The last failure in words without personal data; null after a run that went well.
  last_error text,
  failures integer not null default 0
);

-- Delivery: each mail is claimed by one sender (claimed_by, claimed_until) before it is handed to the
-- mail server, so two senders never send the same row. A failure that may pass is tried again at
-- next_attempt_at; after the last attempt, or a refusal that will not pass, failed_at is set. A claim
-- that runs out without an outcome (the process died mid-send) is not sent again: it is marked failed.
-- The body is emptied once the mail has left or is given up, so no live one-time link stays in the table.
alter table outbox add column attempts integer not null default 0;
alter table outbox add column next_attempt_at timestamptz;
alter table outbox add column claimed_by uuid;
alter table outbox add column claimed_until timestamptz;
alter table outbox add column last_error text;
alter table outbox add column failed_at timestamptz;

create index outbox_waiting_idx on outbox (created_at) where sent_at is null and failed_at is null;
