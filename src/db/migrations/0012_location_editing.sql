-- Staff edit an offering's places and rooms (issue 5). A place carries the version its edit form was read
-- at, and what a person with a disability needs to know before coming. Runs on PGlite and PostgreSQL >= 15.

alter table location add column version integer not null default 1;

-- Null means nobody has said yet: "no" is a fact a person plans around, so it is never assumed.
alter table location add column has_step_free_entrance boolean;
alter table location add column has_lift boolean;
alter table location add column has_accessible_toilet boolean;
alter table location add column has_hearing_loop boolean;
-- Published in HSDS 3.0 as the location's accessibility (description, url).
alter table location add column accessibility_description text check (length(accessibility_description) <= 2000);
alter table location add column accessibility_url text check (length(accessibility_url) <= 500);
