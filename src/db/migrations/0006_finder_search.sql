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

-- Offerings whose text a query may be a misspelling of (ADR 006: word similarity >= 0.55), with the
-- similarity. The cut-off of the indexed operator <% is a setting, so the function carries it. The
-- planner takes <% for cheap and reads every row, but each comparison with a long text is costly
-- (measured: 4-5 s for 20,000 offerings against 0.8 s through the index), so the function plans its
-- one query without sequential scans.
create function offerings_similar_to(query text) returns table (id uuid, similarity real)
  language sql stable
  set pg_trgm.word_similarity_threshold = 0.55
  set enable_seqscan = off
  as $$ select id, word_similarity(fold_text(query), search_folded) from offering where fold_text(query) <% search_folded $$;

-- Activities are searched with Danish stemming like the offerings' own texts.
alter table activity add column search_vector tsvector generated always as (
  to_tsvector('danish', name || ' ' || coalesce(description, ''))
) stored;
create index activity_search_idx on activity using gin (search_vector);

