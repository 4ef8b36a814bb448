-- Full-text search over French and English, accents folded.
-- Every text is indexed with both stemmers, because the French stemmer alone does not conflate
-- "cancer" and "cancers" ('canc' / 'cancer'), while the English one does; catalog.search_query
-- accepts a word when either stem matches.
CREATE SCHEMA IF NOT EXISTS "catalog";
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION catalog.search_fr (COPY = pg_catalog.french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION catalog.search_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION catalog.search_en (COPY = pg_catalog.english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION catalog.search_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
--> statement-breakpoint
-- The weighted document of a dataset: titles (A) > keywords (B) > descriptions (C).
CREATE FUNCTION catalog.dataset_document(
  title_fr text, title_en text, keywords_fr text[], keywords_en text[], description_fr text, description_en text
) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT
    setweight(to_tsvector('catalog.search_fr', concat_ws(' ', title_fr, title_en)), 'A') ||
    setweight(to_tsvector('catalog.search_en', concat_ws(' ', title_fr, title_en)), 'A') ||
    setweight(to_tsvector('catalog.search_fr', array_to_string(keywords_fr || keywords_en, ' ')), 'B') ||
    setweight(to_tsvector('catalog.search_en', array_to_string(keywords_fr || keywords_en, ' ')), 'B') ||
    setweight(to_tsvector('catalog.search_fr', concat_ws(' ', description_fr, description_en)), 'C') ||
    setweight(to_tsvector('catalog.search_en', concat_ws(' ', description_fr, description_en)), 'C')
$$;
--> statement-breakpoint
-- The query for a user's search string: every word must match, in its French or its English stem.
-- Words that are stop words in either language are dropped; NULL when nothing is left.
CREATE FUNCTION catalog.search_query(search text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg('((' || fr::text || ') | (' || en::text || '))', ' & ')::tsquery
  FROM (
    SELECT plainto_tsquery('catalog.search_fr', word) AS fr, plainto_tsquery('catalog.search_en', word) AS en
    FROM regexp_split_to_table(search, '\s+') AS word
    WHERE word <> ''
  ) AS words
  WHERE numnode(fr) > 0 AND numnode(en) > 0
$$;
