-- Full-text search on PostgreSQL, the twin of SQLite's FTS5 tables (src/store/search-index-sql.ts). Written by hand,
-- as those are: Prisma's schema cannot describe it. See src/store/search-postgres.ts for the queries.
--
-- 'simple' configuration: notes mix English and German, so words are neither stemmed nor dropped as stop words,
-- as FTS5's unicode61 does. unaccent makes "Müller" match "muller" (FTS5: remove_diacritics 2); pg_trgm finds
-- names typed with a typo.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); a generated column needs an IMMUTABLE function.
CREATE FUNCTION kam_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Text as FTS5's unicode61 tokenizer splits it: punctuation separates words, so an email address or a hyphenated
-- name gives its parts ("ute.hoffmann@nordwind.example" is found by "nordwind"), which PostgreSQL's parser keeps whole.
CREATE FUNCTION kam_search_text(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace(kam_unaccent($1), '[[:punct:]]+', ' ', 'g') $$;

ALTER TABLE "Account" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', kam_search_text(
    coalesce("name", '') || ' ' || coalesce("key", '') || ' ' || coalesce("aliases"::text, '') || ' ' ||
    coalesce("sector", '') || ' ' || coalesce("country", '')))
) STORED;
CREATE INDEX "Account_searchVector_idx" ON "Account" USING GIN ("searchVector");
CREATE INDEX "Account_name_trgm_idx" ON "Account" USING GIN (kam_unaccent(lower("name")) gin_trgm_ops);

ALTER TABLE "Contact" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', kam_search_text(coalesce("name", '') || ' ' || coalesce("title", '') || ' ' || coalesce("email", '')))
) STORED;
CREATE INDEX "Contact_searchVector_idx" ON "Contact" USING GIN ("searchVector");

ALTER TABLE "Note" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', kam_search_text("body"))
) STORED;
CREATE INDEX "Note_searchVector_idx" ON "Note" USING GIN ("searchVector");
