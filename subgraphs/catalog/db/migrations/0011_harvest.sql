-- Harvesting other catalogues: the sources an administrator registers, the report of every run, and
-- the harvested datasets and organisations marked with the source they come from.
CREATE TABLE "catalog"."harvest_source" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"format" text NOT NULL,
	"country" text NOT NULL,
	"mode" text NOT NULL,
	"every_minutes" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"max_pages" integer NOT NULL,
	"max_page_bytes" integer NOT NULL,
	"timeout_seconds" integer NOT NULL,
	"last_success_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"next_run_at" timestamp with time zone,
	"running_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "catalog"."harvest_run" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"source_id" text NOT NULL REFERENCES "catalog"."harvest_source"("id") ON DELETE CASCADE,
	"mode" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"pages" integer NOT NULL,
	"seen" integer NOT NULL,
	"added" integer NOT NULL,
	"changed" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"withdrawn" integer NOT NULL,
	"refused" integer NOT NULL,
	"skipped" integer NOT NULL,
	"refusals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL
);--> statement-breakpoint
CREATE INDEX "harvest_run_source_idx" ON "catalog"."harvest_run" ("source_id", "id");--> statement-breakpoint
CREATE INDEX "harvest_source_due_idx" ON "catalog"."harvest_source" ("next_run_at") WHERE "enabled" AND "every_minutes" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."dataset" ADD COLUMN "harvest_source_id" text REFERENCES "catalog"."harvest_source"("id");--> statement-breakpoint
ALTER TABLE "catalog"."dataset" ADD COLUMN "harvested_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "dataset_harvest_source_idx" ON "catalog"."dataset" ("harvest_source_id") WHERE "harvest_source_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."data_holder" ADD COLUMN "harvest_source_id" text REFERENCES "catalog"."harvest_source"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "catalog"."dataset_search" ADD COLUMN "source_id" text DEFAULT 'local' NOT NULL;--> statement-breakpoint
-- A harvest confirming a record it already holds changes nothing a reader sees: `harvested_at` is not a change.
CREATE OR REPLACE FUNCTION "catalog"."dataset_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WHERE n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key) AND n.key NOT IN ('seq', 'created_at', 'updated_at', 'harvested_at');
    IF cardinality(changed) > 0 THEN
      PERFORM catalog.record_dataset_change(NEW.id, 'DATASET_CHANGED', changed);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
