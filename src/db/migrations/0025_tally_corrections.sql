-- Correcting or withdrawing a visitor tally (issue 7, ADR 028): a tally row is never changed or deleted. A correction
-- is a new row that supersedes the version it corrects; a withdrawal is a new row marked withdrawn. Figures count
-- only the latest version of each tally, and not when it is withdrawn. Runs on PGlite and PostgreSQL >= 15.

-- The version this row corrects. Unique: a version is corrected once, so two people correcting the same version at
-- the same time cannot both win; the second is told someone corrected it since.
alter table visit_tally add column supersedes uuid unique references visit_tally (id) on delete cascade;
alter table visit_tally add column withdrawn boolean not null default false;
-- Why it was corrected or withdrawn, required with every correction.
alter table visit_tally add column reason text check (length(reason) <= 500);
alter table visit_tally add constraint visit_tally_correction_fields check (
  (supersedes is null and reason is null and not withdrawn)
  or (supersedes is not null and length(trim(reason)) > 0)
);
