-- Staff accounts and what they may do, sessions, one-time links, the outbox and the audit log.
-- Runs unchanged on PGlite and on PostgreSQL >= 15.

create table account (
  id uuid primary key,
  email text not null,
  name text not null,
  -- argon2id (PHC string); null until the person sets a password through a one-time link, or for single sign-on only.
  password_hash text,
  oidc_subject text unique,
  is_disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index account_email_idx on account (lower(email));

-- A role, and for scoped roles the offering (with its children) or the organisation (operator or centre) it covers.
create table role_grant (
  id uuid primary key,
  account_id uuid not null references account (id) on delete cascade,
  role text not null check (
    role in ('offering_staff', 'operator_editor', 'centre_lead', 'planner', 'editor', 'system_admin')
  ),
  offering_id uuid references offering (id) on delete cascade,
  organization_id uuid references organization (id) on delete cascade,
  created_at timestamptz not null default now(),
  check ((role = 'offering_staff') = (offering_id is not null)),
  check ((role in ('operator_editor', 'centre_lead')) = (organization_id is not null))
);
create index role_grant_account_idx on role_grant (account_id);

-- Only a hash of the session token is stored; the token itself lives in the person's cookie.
create table account_session (
  token_hash text primary key,
  account_id uuid not null references account (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);
create index account_session_account_idx on account_session (account_id);

create table one_time_link (
  token_hash text primary key,
  account_id uuid not null references account (id) on delete cascade,
  purpose text not null check (purpose in ('set_password')),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Mail waiting to be sent; in development it is read here (and the link is written to the log).
create table outbox (
  id uuid primary key,
  recipient text not null,
  subject text not null,
  body text not null,
  created_at timestamptz not null,
  sent_at timestamptz
);

-- Every change, and every read of personal data: append-only.
create table audit_entry (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_name text not null,
  action text not null,
  resource_type text not null,
  resource_id text,
  summary text not null,
  detail jsonb not null default '{}',
  source text
);
create index audit_entry_at_idx on audit_entry (at);
create index audit_entry_resource_idx on audit_entry (resource_type, resource_id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_entry is append-only';
end
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
  for each row execute function audit_entry_is_append_only();

-- Optimistic concurrency for edits: a form carries the version it was read at.
alter table offering add column version integer not null default 1;
