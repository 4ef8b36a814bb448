-- The lineage subgraph's change outbox, written by triggers in the transaction that applies events: a
-- run that failed (its state became FAIL), and a dataset whose schema facet changed (fields added,
-- removed or retyped). `dataset_ids` are the catalogue datasets the change touches: the catalogue
-- datasets downstream of the failed run's job, or of (and including) the dataset whose schema changed,
-- up to 20 levels. `seq` is given after commit by the lineage subgraph's sequencer.
CREATE TABLE "lineage"."change_event" (
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
CREATE UNIQUE INDEX "change_event_tx_key" ON "lineage"."change_event" ("tx", "tx_key") WHERE "tx_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "change_event_unnumbered" ON "lineage"."change_event" ("id") WHERE "seq" IS NULL;--> statement-breakpoint
CREATE SEQUENCE "lineage"."change_event_seq";--> statement-breakpoint
-- The catalogue ids of node `start` (when it is one) and of every node downstream of it, 20 levels at most.
CREATE FUNCTION "lineage"."catalogue_ids_downstream"(start bigint) RETURNS text[] LANGUAGE sql STABLE AS $$
  WITH RECURSIVE down(id, depth) AS (
    SELECT start, 0
    UNION
    SELECT e.dst, d.depth + 1 FROM lineage.edge e JOIN down d ON e.src = d.id WHERE d.depth < 20
  )
  SELECT coalesce(array_agg(DISTINCT n.catalog_dataset_id ORDER BY n.catalog_dataset_id), '{}')
  FROM down JOIN lineage.node n ON n.id = down.id WHERE n.catalog_dataset_id IS NOT NULL
$$;--> statement-breakpoint
CREATE FUNCTION "lineage"."run_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  job lineage.node;
BEGIN
  IF NEW.state <> 'FAIL' OR (TG_OP = 'UPDATE' AND OLD.state = 'FAIL') THEN
    RETURN NULL;
  END IF;
  SELECT * INTO job FROM lineage.node WHERE id = NEW.job_id;
  INSERT INTO lineage.change_event (type, tx_key, dataset_ids, detail)
  VALUES ('RUN_FAILED', 'run:' || NEW.id, lineage.catalogue_ids_downstream(NEW.job_id),
          jsonb_build_object('runId', NEW.id, 'jobNamespace', job.namespace, 'jobName', job.name))
  ON CONFLICT ("tx", "tx_key") WHERE "tx_key" IS NOT NULL DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "run_change_event" AFTER INSERT OR UPDATE OF "state" ON "lineage"."run"
  FOR EACH ROW EXECUTE FUNCTION "lineage"."run_change_event"();--> statement-breakpoint
-- The fields of an OpenLineage schema facet, by name, with their type.
CREATE FUNCTION "lineage"."schema_fields"(facets jsonb) RETURNS TABLE(name text, type text) LANGUAGE sql IMMUTABLE AS $$
  SELECT f->>'name', coalesce(f->>'type', '') FROM jsonb_array_elements(coalesce(facets->'schema'->'fields', '[]'::jsonb)) AS f WHERE f ? 'name'
$$;--> statement-breakpoint
CREATE FUNCTION "lineage"."schema_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added jsonb;
  removed jsonb;
  retyped jsonb;
BEGIN
  IF NEW.kind <> 'DATASET' OR NOT (OLD.facets ? 'schema') OR (NEW.facets->'schema'->'fields') IS NOT DISTINCT FROM (OLD.facets->'schema'->'fields') THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(jsonb_agg(jsonb_build_object('name', n.name, 'type', n.type) ORDER BY n.name), '[]') INTO added
    FROM lineage.schema_fields(NEW.facets) n WHERE n.name NOT IN (SELECT o.name FROM lineage.schema_fields(OLD.facets) o);
  SELECT coalesce(jsonb_agg(jsonb_build_object('name', o.name, 'type', o.type) ORDER BY o.name), '[]') INTO removed
    FROM lineage.schema_fields(OLD.facets) o WHERE o.name NOT IN (SELECT n.name FROM lineage.schema_fields(NEW.facets) n);
  SELECT coalesce(jsonb_agg(jsonb_build_object('name', n.name, 'type', n.type, 'previousType', o.type) ORDER BY n.name), '[]') INTO retyped
    FROM lineage.schema_fields(NEW.facets) n JOIN lineage.schema_fields(OLD.facets) o ON o.name = n.name WHERE o.type <> n.type;
  IF added = '[]' AND removed = '[]' AND retyped = '[]' THEN
    RETURN NULL;
  END IF;
  INSERT INTO lineage.change_event (type, tx_key, dataset_ids, detail)
  VALUES ('SCHEMA_CHANGED', 'node:' || NEW.id, lineage.catalogue_ids_downstream(NEW.id),
          jsonb_build_object('datasetNamespace', NEW.namespace, 'datasetName', NEW.name, 'added', added, 'removed', removed, 'retyped', retyped))
  ON CONFLICT ("tx", "tx_key") WHERE "tx_key" IS NOT NULL DO UPDATE SET
    detail = EXCLUDED.detail, dataset_ids = EXCLUDED.dataset_ids;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "schema_change_event" AFTER UPDATE OF "facets" ON "lineage"."node"
  FOR EACH ROW EXECUTE FUNCTION "lineage"."schema_change_event"();
--> statement-breakpoint
-- An outbox row written wakes the sequencers at commit (on the subgraph's change channel); numbered
-- rows become readable, which `change_feed` tells the dispatchers and the caches of the feed (once per
-- numbering transaction: identical notifications of one transaction are sent once).
CREATE FUNCTION "lineage"."notify_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lineage_changed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "lineage"."notify_change_numbered"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('change_feed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "change_event_numbered" AFTER UPDATE OF "seq" ON "lineage"."change_event"
  FOR EACH ROW EXECUTE FUNCTION "lineage"."notify_change_numbered"();--> statement-breakpoint
CREATE TRIGGER "change_event_written" AFTER INSERT ON "lineage"."change_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "lineage"."notify_change_event"();
