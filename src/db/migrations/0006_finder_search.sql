-- The finder at national scale (ADR 012): the texts it searches are stored folded and indexed, so a
-- search reads the matching rows from indexes instead of folding and comparing every offering's text.

-- unaccent() is only stable (its dictionary could change), so no index can use it. Naming the
-- dictionary and declaring the wrapper immutable is the way PostgreSQL documents for this. The
-- extensions live in public (0003); the function goes where the migrations run.
create function fold_text(value text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, lower(value)) $$;

-- The name alone (does the query occur in it?) and everything searched for typos, folded: æ -> ae.
alter table offering add column name_folded text generated always as (fold_text(name)) stored;
alter table offering add column search_folded text generated always as (
  fold_text(name || ' ' || coalesce(alternate_name, '') || ' ' || description)
) stored;
-- Trigram indexes: LIKE '%…%' on the name, word similarity (<%) on the whole text.
create index offering_name_folded_idx on offering using gin (name_folded public.gin_trgm_ops);
create index offering_search_folded_idx on offering using gin (search_folded public.gin_trgm_ops);

-- Activities are searched with Danish stemming like the offerings' own texts.
alter table activity add column search_vector tsvector generated always as (
  to_tsvector('danish', name || ' ' || coalesce(description, ''))
) stored;
create index activity_search_idx on activity using gin (search_vector);

