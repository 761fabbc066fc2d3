-- The finder at national scale, second step (ADR 021).

-- 1. The typo match through a word list. Comparing a query with every long folded text of thousands of
-- places cost seconds (the texts are stored out of line, so each comparison first fetches and unpacks
-- one). Now the query's words are compared with the distinct words of all texts (a short list, through
-- a trigram index), and the places that contain one of the similar words are found through a second
-- index on each place's words, kept in a narrow table of their own so they are read without unpacking.

-- Every word that occurs in a place's text, as written (lower case, Danish letters kept), with its folded
-- form (æ -> ae) for the trigram match. Words are added when a text is saved and never removed: a word
-- no text has any longer finds no place.
create table finder_word (
  word text primary key,
  folded text generated always as (fold_text(word)) stored
);
create index finder_word_folded_idx on finder_word using gin (folded public.gin_trgm_ops);

-- Each place's words (name, other name, description), written by the trigger below with every save.
create table offering_words (
  offering_id uuid primary key references offering (id) on delete cascade,
  words tsvector not null
);
create index offering_words_idx on offering_words using gin (words);

create function offering_words_saved() returns trigger language plpgsql as $$
begin
  insert into offering_words (offering_id, words)
    select id, to_tsvector('simple', name || ' ' || coalesce(alternate_name, '') || ' ' || description) from saved_offerings
    on conflict (offering_id) do update set words = excluded.words
      where offering_words.words is distinct from excluded.words;
  insert into finder_word (word)
    select distinct unnest(tsvector_to_array(w.words))
    from offering_words w join saved_offerings s on s.id = w.offering_id
    on conflict do nothing;
  return null;
end
$$;
create trigger offering_words_inserted after insert on offering
  referencing new table as saved_offerings for each statement execute function offering_words_saved();
create trigger offering_words_updated after update on offering
  referencing new table as saved_offerings for each statement execute function offering_words_saved();
-- The places there are already.
insert into offering_words (offering_id, words)
  select id, to_tsvector('simple', name || ' ' || coalesce(alternate_name, '') || ' ' || description) from offering;
insert into finder_word (word) select distinct unnest(tsvector_to_array(words)) from offering_words;

-- Offerings with, for each word of the query, a word like it (word similarity >= 0.55 between folded
-- words; ADR 006 and 021), with the weakest of those likenesses and the words, as written, one for each
-- query word (in the order of the folded query words). The cut-off of <% is a setting, so the function carries
-- it; its statements go through the indexes.
drop function offerings_similar_to(text);
create function offerings_similar_to(query text) returns table (id uuid, similarity real, words text[])
  language sql stable
  set pg_trgm.word_similarity_threshold = 0.55
  set enable_seqscan = off
  as $$
    with query_word as (
      select distinct unnest(tsvector_to_array(to_tsvector('simple', fold_text(query)))) as word),
    similar_word as (
      select q.word as query_word, w.word, word_similarity(q.word, w.folded) as similarity
      from query_word q join finder_word w on q.word <% w.folded),
    wanted as (
      -- Any of the similar words of each query word: (a | b) & (c | d).
      select string_agg('(' || alternatives || ')', ' & ')::tsquery as query, count(*) as query_words
      from (select string_agg(quote_literal(word), ' | ') as alternatives from similar_word group by query_word) per_word)
    select w.offering_id, best.similarity, best.words
    from wanted
    join offering_words w on w.words @@ wanted.query
    cross join lateral (
      select min(found.similarity) as similarity, array_agg(found.word order by found.query_word) as words
      from (
        -- The likest word the place has for each query word; of equals the shortest.
        select distinct on (s.query_word) s.query_word, s.word, s.similarity
        from similar_word s
        where w.words @@ quote_literal(s.word)::tsquery
        order by s.query_word, s.similarity desc, length(s.word), s.word) found) best
    where wanted.query_words = (select count(*) from query_word)
  $$;

-- The whole folded text and its trigram index (0006) served only the old typo match.
alter table offering drop column search_folded;

-- 2. A number that every change to what the finder reads about the whole range moves on: which places
-- there are, their status events, verification, addresses, districts and centres. The finder keeps the
-- range's state on a date (statuses, facets) until it changes. Bumped by the statement, in the writing
-- transaction, so a reader that sees the new number also sees the new rows.
create table range_version (
  id boolean primary key default true check (id),
  version bigint not null
);
insert into range_version (version) values (1);

create function range_version_bumped() returns trigger language plpgsql as $$
begin
  update range_version set version = version + 1;
  return null;
end
$$;
create trigger offering_range_version after insert or update or delete or truncate on offering
  for each statement execute function range_version_bumped();
create trigger status_event_range_version after insert or update or delete or truncate on status_event
  for each statement execute function range_version_bumped();
create trigger service_at_location_range_version after insert or update or delete or truncate on service_at_location
  for each statement execute function range_version_bumped();
create trigger location_range_version after insert or update or delete or truncate on location
  for each statement execute function range_version_bumped();
create trigger district_range_version after insert or update or delete or truncate on district
  for each statement execute function range_version_bumped();
create trigger organization_range_version after insert or update or delete or truncate on organization
  for each statement execute function range_version_bumped();
create trigger freshness_clock_range_version after insert or update or delete or truncate on freshness_clock
  for each statement execute function range_version_bumped();
