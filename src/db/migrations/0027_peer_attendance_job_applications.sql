-- Issue 9's gaps (ADR 033, 036).

-- Who of a cohort's peer counsellors came to a peer meeting or a supervision session, as the course register does:
-- one row per counsellor and session, saved whole from a tick list. An anonymised counsellor's rows stay, so a year's
-- figures do not change when names go.
create table peer_session_attendance (
  session_id uuid not null references peer_session (id) on delete cascade,
  counsellor_id uuid not null references peer_counsellor (id) on delete cascade,
  recorded_at timestamptz not null,
  primary key (session_id, counsellor_id)
);
create index peer_session_attendance_counsellor_idx on peer_session_attendance (counsellor_id);

-- An application for an open user job sent from /brugerjob: a first name and a phone or «I come by the offering»,
-- an optional short text. Deleted on `delete_after` (the daily co-creator-retention job); staff mark it answered.
create table user_job_application (
  id uuid primary key,
  job_id uuid not null references user_job (id) on delete cascade,
  display_name text not null check (length(display_name) between 1 and 60),
  phone text check (length(phone) <= 20),
  comes_by boolean not null,
  message text check (length(message) <= 500),
  purpose text not null,
  delete_after date not null,
  created_at timestamptz not null,
  answered_at timestamptz,
  answered_by text,
  check (phone is not null or comes_by)
);
create index user_job_application_job_idx on user_job_application (job_id, created_at);
create index user_job_application_delete_idx on user_job_application (delete_after);

-- A cohort is closed rather than deleted once its figures count (certified counsellors, sessions with attendance):
-- no new modules, counsellors or sessions; everything recorded stays.
alter table peer_cohort add column closed_on date;
