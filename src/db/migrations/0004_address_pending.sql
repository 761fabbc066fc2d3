-- An area can mean two things: no fixed address by design (a satellite in borrowed rooms) or an
-- address that is still being sought (a proposed house). People need to be told which.
alter table location add column is_address_pending boolean not null default false;
