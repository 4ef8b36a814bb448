import { sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { codingSystems } from '../../vocabulary/coding-systems.js';
import { countries } from '../../vocabulary/countries.js';
import { dataThemes } from '../../vocabulary/data-themes.js';
import { healthCategories } from '../../vocabulary/health-categories.js';
import { healthThemes } from '../../vocabulary/health-themes.js';
import { codesOf } from '../../vocabulary/term.js';

const codes = (v: Parameters<typeof codesOf>[0]) => sql`${sql.param(codesOf(v))}::text[]`;

/**
 * Rewrites the search rows (`catalog.dataset_search`) of the given datasets from their current state, or,
 * with `'missing'`, writes the rows of every dataset that has none (start-up runs this, so a catalogue
 * migrated from before the search table is indexed). Run it in the transaction that changed the datasets.
 */
export async function refreshSearchEntries(db: Db, which: readonly string[] | 'missing'): Promise<void> {
  if (which !== 'missing' && which.length === 0) return;
  const where =
    which === 'missing'
      ? sql`NOT EXISTS (SELECT 1 FROM catalog.dataset_search s WHERE s.seq = d.seq)`
      : sql`d.id = ANY(${sql.param([...which])}::text[])`;
  await db.execute(sql`
    INSERT INTO catalog.dataset_search AS s (
      seq, id, document, head, publisher_id, access_rights,
      health_category_mask, health_theme_mask, data_theme_mask, country_mask, coding_system_mask,
      temporal_start, temporal_end, title_key_fr, title_key_en, modified_key, source_id
    )
    SELECT
      d.seq, d.id,
      catalog.dataset_document(d.title_fr, d.title_en, d.keywords_fr, d.keywords_en, d.description_fr, d.description_en),
      catalog.dataset_head(d.title_fr, d.title_en, d.keywords_fr, d.keywords_en),
      d.publisher_id, d.access_rights,
      catalog.code_mask(d.health_categories, ${codes(healthCategories)}),
      catalog.code_mask(d.health_themes, ${codes(healthThemes)}),
      catalog.code_mask(d.themes, ${codes(dataThemes)}),
      catalog.code_mask(d.spatial, ${codes(countries)}),
      catalog.code_mask(d.coding_systems, ${codes(codingSystems)}),
      d.temporal_start, d.temporal_end,
      lower(unaccent(coalesce(d.title_fr, d.title_en, ''))),
      lower(unaccent(coalesce(d.title_en, d.title_fr, ''))),
      coalesce(d.modified, d.issued, DATE '0001-01-01'),
      coalesce(d.harvest_source_id, 'local')
    FROM catalog.dataset d
    WHERE ${where}
    ON CONFLICT (seq) DO UPDATE SET
      document = EXCLUDED.document, head = EXCLUDED.head, publisher_id = EXCLUDED.publisher_id,
      access_rights = EXCLUDED.access_rights, health_category_mask = EXCLUDED.health_category_mask,
      health_theme_mask = EXCLUDED.health_theme_mask, data_theme_mask = EXCLUDED.data_theme_mask,
      country_mask = EXCLUDED.country_mask, coding_system_mask = EXCLUDED.coding_system_mask,
      temporal_start = EXCLUDED.temporal_start, temporal_end = EXCLUDED.temporal_end,
      title_key_fr = EXCLUDED.title_key_fr, title_key_en = EXCLUDED.title_key_en, modified_key = EXCLUDED.modified_key,
      source_id = EXCLUDED.source_id
  `);
}
