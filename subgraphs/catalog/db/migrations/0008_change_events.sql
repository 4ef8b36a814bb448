-- The catalog's change outbox: one row per dataset added, changed (with the fields that changed) or
-- withdrawn, written by triggers in the transaction that makes the change, so that every write path
-- (curation, imports, pushed records, scripts) is covered and a rolled-back change leaves nothing. All
-- changes of one dataset in one transaction are one row (`tx`, `tx_key`). `seq`, the stream's sequence,
-- is given after commit by the catalog's sequencer, in the order rows are seen committed: a reader that
-- has read up to `seq` N never later finds a committed row numbered at or below N.
CREATE TABLE "catalog"."change_event" (
	"id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	"seq" bigint UNIQUE,
	"tx" xid8 NOT NULL DEFAULT pg_current_xact_id(),
	"tx_key" text,
	"once_key" text UNIQUE,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL DEFAULT clock_timestamp(),
	"dataset_ids" text[] NOT NULL DEFAULT '{}',
	"organisation_id" text,
	"detail" jsonb NOT NULL DEFAULT '{}'::jsonb
);--> statement-breakpoint
CREATE UNIQUE INDEX "change_event_tx_key" ON "catalog"."change_event" ("tx", "tx_key") WHERE "tx_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "change_event_unnumbered" ON "catalog"."change_event" ("id") WHERE "seq" IS NULL;--> statement-breakpoint
CREATE SEQUENCE "catalog"."change_event_seq";--> statement-breakpoint
-- Records that dataset `p_dataset` was added, changed (`p_fields`) or withdrawn in this transaction,
-- merged with what the transaction already recorded for it: withdrawn wins; added stays added; a
-- dataset withdrawn and added again in one transaction was changed.
CREATE FUNCTION "catalog"."record_dataset_change"(p_dataset text, p_type text, p_fields text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO catalog.change_event (type, tx_key, dataset_ids, detail)
  VALUES (p_type, p_dataset, ARRAY[p_dataset], jsonb_build_object('fields', to_jsonb(p_fields)))
  ON CONFLICT ("tx", "tx_key") WHERE "tx_key" IS NOT NULL DO UPDATE SET
    type = CASE
      WHEN EXCLUDED.type = 'DATASET_WITHDRAWN' THEN 'DATASET_WITHDRAWN'
      WHEN catalog.change_event.type = 'DATASET_WITHDRAWN' THEN 'DATASET_CHANGED'
      ELSE catalog.change_event.type END,
    detail = jsonb_build_object('fields', to_jsonb(ARRAY(
      SELECT DISTINCT f FROM unnest(ARRAY(SELECT jsonb_array_elements_text(catalog.change_event.detail->'fields')) || p_fields) AS f ORDER BY f)))
$$;--> statement-breakpoint
CREATE FUNCTION "catalog"."dataset_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM catalog.record_dataset_change(NEW.id, 'DATASET_ADDED', '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM catalog.record_dataset_change(OLD.id, 'DATASET_WITHDRAWN', '{}');
  ELSE
    SELECT coalesce(array_agg(n.key ORDER BY n.key), '{}') INTO changed
    FROM jsonb_each(to_jsonb(NEW)) AS n
    WHERE n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key) AND n.key NOT IN ('seq', 'created_at', 'updated_at');
    IF cardinality(changed) > 0 THEN
      PERFORM catalog.record_dataset_change(NEW.id, 'DATASET_CHANGED', changed);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "dataset_change_event" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."dataset"
  FOR EACH ROW EXECUTE FUNCTION "catalog"."dataset_change_event"();--> statement-breakpoint
-- A distribution added, changed or removed changes its dataset (unless the dataset itself goes).
CREATE FUNCTION "catalog"."distribution_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner text := CASE WHEN TG_OP = 'DELETE' THEN OLD.dataset_id ELSE NEW.dataset_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM catalog.dataset WHERE id = owner) THEN
    PERFORM catalog.record_dataset_change(owner, 'DATASET_CHANGED', ARRAY['distributions']);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "distribution_change_event" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."distribution"
  FOR EACH ROW EXECUTE FUNCTION "catalog"."distribution_change_event"();
--> statement-breakpoint
-- An outbox row written wakes the sequencers at commit (on the subgraph's change channel); numbered
-- rows become readable, which `change_feed` tells the dispatchers and the caches of the feed (once per
-- numbering transaction: identical notifications of one transaction are sent once).
CREATE FUNCTION "catalog"."notify_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('catalog_changed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "catalog"."notify_change_numbered"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('change_feed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "change_event_numbered" AFTER UPDATE OF "seq" ON "catalog"."change_event"
  FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_change_numbered"();--> statement-breakpoint
CREATE TRIGGER "change_event_written" AFTER INSERT ON "catalog"."change_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_change_event"();
