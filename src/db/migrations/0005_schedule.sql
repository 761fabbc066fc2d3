-- Opening hours beyond one row per weekday: every other week, the n-th weekday of a month and
-- seasons; exceptions on dates (closed, other hours, reduced hours before a closure); what each
-- offering does on holidays; activities that happen once or recur, at the offering or elsewhere.
-- Rules that span rows (no overlaps, patterns that occur) are checked by the domain before saving.

alter table schedule add column recurrence text not null default 'weekly' check (recurrence in ('weekly', 'monthly'));
alter table schedule add column interval_weeks smallint not null default 1 check (interval_weeks between 1 and 4);
alter table schedule add column anchor_date date;
alter table schedule add column nth_in_month smallint check (nth_in_month in (-1, 1, 2, 3, 4, 5));
alter table schedule add column valid_from date;
alter table schedule add column valid_to date;
alter table schedule add constraint schedule_monthly_has_nth check ((recurrence = 'monthly') = (nth_in_month is not null));
alter table schedule add constraint schedule_interval_has_anchor check (interval_weeks = 1 or anchor_date is not null);
alter table schedule add constraint schedule_validity_order check (valid_from is null or valid_to is null or valid_to >= valid_from);

-- periods: [{ "opens": "10:00", "closes": "13:00", "isUserRun": false, "isStaffPresent": true, "weekdays": [1, 3] | null }]
create table schedule_exception (
  id uuid primary key,
  offering_id uuid not null references offering (id) on delete cascade,
  starts_on date not null,
  ends_on date not null,
  kind text not null check (kind in ('closed', 'hours', 'transition')),
  periods jsonb not null default '[]',
  reason text,
  is_example boolean not null default false,
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index schedule_exception_offering_idx on schedule_exception (offering_id, starts_on);

alter table offering add column holiday_standard text not null default 'closed' check (holiday_standard in ('closed', 'open'));

create table holiday_rule (
  offering_id uuid not null references offering (id) on delete cascade,
  holiday_key text not null,
  kind text not null check (kind in ('closed', 'open', 'hours')),
  periods jsonb not null default '[]',
  primary key (offering_id, holiday_key)
);

alter table activity add column kind text not null default 'other'
  check (kind in ('dining', 'workshop', 'excursion', 'lesson', 'culture', 'food_club', 'peer_meeting', 'other'));
alter table activity add column occurs_on date;
alter table activity add column recurrence text not null default 'weekly' check (recurrence in ('weekly', 'monthly'));
alter table activity add column interval_weeks smallint not null default 1 check (interval_weeks between 1 and 4);
alter table activity add column anchor_date date;
alter table activity add column nth_in_month smallint check (nth_in_month in (-1, 1, 2, 3, 4, 5));
alter table activity add column valid_from date;
alter table activity add column valid_to date;
alter table activity add column cancelled_on date[] not null default '{}';
update activity set starts_at = '00:00' where starts_at is null;
alter table activity alter column starts_at set not null;
alter table activity add constraint activity_once_or_weekly check ((occurs_on is null) <> (weekday is null));
alter table activity add constraint activity_monthly_has_nth check ((recurrence = 'monthly') = (nth_in_month is not null));
alter table activity add constraint activity_interval_has_anchor check (interval_weeks = 1 or anchor_date is not null);
