-- Events of one batch are applied in steps (a step per schema a dataset takes), so one transaction may
-- change a dataset's schema more than once. Told as one change, from the schema the transaction found
-- to the one it leaves: the first step's row keeps the schema it started from (`detail.before`, never
-- shown), later steps compare with it, and a schema that comes back to where it was is not told.
CREATE OR REPLACE FUNCTION "lineage"."schema_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key text := 'node:' || NEW.id;
  before jsonb;
  added jsonb;
  removed jsonb;
  retyped jsonb;
BEGIN
  IF NEW.kind <> 'DATASET' OR NOT (OLD.facets ? 'schema') OR (NEW.facets->'schema'->'fields') IS NOT DISTINCT FROM (OLD.facets->'schema'->'fields') THEN
    RETURN NULL;
  END IF;
  SELECT c.detail->'before' INTO before FROM lineage.change_event c WHERE c.tx = pg_current_xact_id() AND c.tx_key = key;
  before := coalesce(before, jsonb_build_object('schema', OLD.facets->'schema'));
  SELECT coalesce(jsonb_agg(jsonb_build_object('name', n.name, 'type', n.type) ORDER BY n.name), '[]') INTO added
    FROM lineage.schema_fields(NEW.facets) n WHERE n.name NOT IN (SELECT o.name FROM lineage.schema_fields(before) o);
  SELECT coalesce(jsonb_agg(jsonb_build_object('name', o.name, 'type', o.type) ORDER BY o.name), '[]') INTO removed
    FROM lineage.schema_fields(before) o WHERE o.name NOT IN (SELECT n.name FROM lineage.schema_fields(NEW.facets) n);
  SELECT coalesce(jsonb_agg(jsonb_build_object('name', n.name, 'type', n.type, 'previousType', o.type) ORDER BY n.name), '[]') INTO retyped
    FROM lineage.schema_fields(NEW.facets) n JOIN lineage.schema_fields(before) o ON o.name = n.name WHERE o.type <> n.type;
  IF added = '[]' AND removed = '[]' AND retyped = '[]' THEN
    DELETE FROM lineage.change_event c WHERE c.tx = pg_current_xact_id() AND c.tx_key = key AND c.seq IS NULL;
    RETURN NULL;
  END IF;
  INSERT INTO lineage.change_event (type, tx_key, dataset_ids, detail)
  VALUES ('SCHEMA_CHANGED', key, lineage.catalogue_ids_downstream(NEW.id),
          jsonb_build_object('datasetNamespace', NEW.namespace, 'datasetName', NEW.name, 'added', added, 'removed', removed, 'retyped', retyped, 'before', before))
  ON CONFLICT ("tx", "tx_key") WHERE "tx_key" IS NOT NULL DO UPDATE SET
    detail = EXCLUDED.detail, dataset_ids = EXCLUDED.dataset_ids;
  RETURN NULL;
END;
$$;
