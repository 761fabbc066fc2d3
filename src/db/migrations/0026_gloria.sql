-- Gloria, the user-run magazine as the city's information platform (issue 10, ADR 037): an editorial team per
-- district and one for the whole city, their members (back-office accounts, as writer or editor, optionally the
-- holder of a user job), texts with their workflow, theme issues published as one, and one lead image per text
-- stored in the database. A life story's storyteller is kept to a first name, the consent and a deletion date.
-- Runs on PGlite and PostgreSQL >= 15.

create table gloria_team (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  -- Null for the city-wide team; one team per district.
  district_id uuid unique references district (id),
  name text not null check (length(trim(name)) between 1 and 120),
  created_at timestamptz not null
);
-- At most one city-wide team.
create unique index gloria_team_city_idx on gloria_team ((district_id is null)) where district_id is null;

create table gloria_member (
  id uuid primary key,
  team_id uuid not null references gloria_team (id) on delete cascade,
  account_id uuid not null references account (id) on delete cascade,
  role text not null check (role in ('writer', 'editor')),
  -- The user job the member holds this work as, if any (ADR 033).
  user_job_id uuid references user_job (id) on delete set null,
  added_at timestamptz not null,
  unique (team_id, account_id)
);
create index gloria_member_account_idx on gloria_member (account_id);

create table gloria_theme (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  team_id uuid not null references gloria_team (id),
  title text not null check (length(trim(title)) between 1 and 120),
  intro text not null check (length(intro) between 1 and 2000),
  state text not null default 'draft' check (state in ('draft', 'published')),
  published_at timestamptz,
  is_example boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((state = 'published') = (published_at is not null))
);

create table gloria_article (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  team_id uuid not null references gloria_team (id),
  kind text not null check (kind in ('news', 'article', 'life_story')),
  title text not null check (length(title) <= 120),
  lead text not null default '' check (length(lead) <= 400),
  body text not null check (length(body) <= 20000),
  theme_id uuid references gloria_theme (id) on delete set null,
  theme_position integer check (theme_position between 1 and 99),
  state text not null default 'draft' check (state in ('draft', 'review', 'published', 'withdrawn')),
  review_comment text check (length(review_comment) <= 2000),
  author_account_id uuid references account (id) on delete set null,
  author_name text not null,
  -- A life story's storyteller: a first name (null once deleted), anonymous or not, the consent and its deletion date.
  storyteller_name text check (length(storyteller_name) between 1 and 60),
  storyteller_anonymous boolean not null default false,
  consent_on date,
  consent_how text check (consent_how in ('in_person', 'phone', 'written')),
  consent_recorded_by_name text,
  storyteller_delete_after date,
  consent_withdrawn_at timestamptz,
  published_at timestamptz,
  published_by_name text,
  is_example boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (kind = 'life_story' or (storyteller_name is null and consent_on is null)),
  check ((consent_on is null) = (consent_how is null)),
  check (state <> 'withdrawn' or consent_withdrawn_at is not null),
  check (state <> 'published' or published_at is not null)
);
create index gloria_article_team_idx on gloria_article (team_id, state);
create index gloria_article_published_idx on gloria_article (published_at desc) where state = 'published';
create index gloria_article_theme_idx on gloria_article (theme_id, theme_position);
create index gloria_article_forget_idx on gloria_article (storyteller_delete_after) where storyteller_name is not null;

-- One lead image per text; a new upload gets a new id, so its public address can be cached for a year.
create table gloria_image (
  id uuid primary key,
  article_id uuid not null unique references gloria_article (id) on delete cascade,
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  alt text not null check (length(trim(alt)) between 1 and 250),
  bytes bytea not null check (octet_length(bytes) <= 2097152),
  created_at timestamptz not null
);
