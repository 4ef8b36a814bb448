-- Keep the full document out of the search row: it is only read through its GIN index, so a search
-- matching most of the catalogue reads narrow rows instead of detoasting every document.
ALTER TABLE catalog.dataset_search ALTER COLUMN document SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE catalog.dataset_search ALTER COLUMN head SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE catalog.dataset_search SET (toast_tuple_target = 128);
--> statement-breakpoint
-- Titles (A) and keywords (B) only: what relevance is computed from.
CREATE FUNCTION catalog.dataset_head(title_fr text, title_en text, keywords_fr text[], keywords_en text[])
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT
    setweight(to_tsvector('catalog.search_fr', concat_ws(' ', title_fr, title_en)), 'A') ||
    setweight(to_tsvector('catalog.search_en', concat_ws(' ', title_fr, title_en)), 'A') ||
    setweight(to_tsvector('catalog.search_fr', array_to_string(keywords_fr || keywords_en, ' ')), 'B') ||
    setweight(to_tsvector('catalog.search_en', array_to_string(keywords_fr || keywords_en, ' ')), 'B')
$$;
--> statement-breakpoint
-- Bit i-1 set for each code found at position i of the vocabulary (the application passes its
-- vocabularies, in their declared order).
CREATE FUNCTION catalog.code_mask(codes text[], vocabulary text[]) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(bit_or(1::bigint << (array_position(vocabulary, code) - 1)), 0)
  FROM unnest(codes) AS code
  WHERE array_position(vocabulary, code) IS NOT NULL
$$;
