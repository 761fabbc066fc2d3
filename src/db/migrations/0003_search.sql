-- Typo-tolerant search: trigram similarity on text with Danish letters folded to ASCII (æ -> ae).
-- Both extensions ship with PostgreSQL's contrib and with PGlite.
create extension if not exists pg_trgm with schema public;
create extension if not exists unaccent with schema public;
