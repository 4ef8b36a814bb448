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
--> statement-breakpoint
-- The search rows matching a query, read through the GIN index. The planner would pick a sequential
-- scan for a query matching most rows, not knowing that it then detoasts every document (about 10 times
-- slower here); the function's setting forbids that for this one query only.
CREATE FUNCTION catalog.search_matches(query tsquery)
RETURNS TABLE (
  seq integer, id text, head tsvector, publisher_id text, access_rights text,
  health_category_mask bigint, health_theme_mask bigint, data_theme_mask bigint, country_mask bigint,
  coding_system_mask bigint, temporal_start date, temporal_end date, title_key_fr text, title_key_en text,
  modified_key date
)
LANGUAGE sql STABLE PARALLEL SAFE SET enable_seqscan = off AS $$
  SELECT s.seq, s.id, s.head, s.publisher_id, s.access_rights,
         s.health_category_mask, s.health_theme_mask, s.data_theme_mask, s.country_mask,
         s.coding_system_mask, s.temporal_start, s.temporal_end, s.title_key_fr, s.title_key_en,
         s.modified_key
  FROM catalog.dataset_search s
  WHERE s.document @@ query
$$;
