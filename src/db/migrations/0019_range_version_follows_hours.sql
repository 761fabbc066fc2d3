-- The finder keeps each place's opening hours on a date between requests, so "open now" is a lookup in
-- hours already expanded (ADR 027). What they are expanded from moves the range version on too: the
-- weekly rules, the exceptions and the holiday rules (the holiday standard is a column of offering,
-- which moves it already).
create trigger schedule_range_version after insert or update or delete or truncate on schedule
  for each statement execute function range_version_bumped();
create trigger schedule_exception_range_version after insert or update or delete or truncate on schedule_exception
  for each statement execute function range_version_bumped();
create trigger holiday_rule_range_version after insert or update or delete or truncate on holiday_rule
  for each statement execute function range_version_bumped();
