-- Saved searches: a search (words and filter, as `Query.datasets` takes them) kept for an organisation
-- (`owner`: its id, or ':internal' for the platform's internal roles), and the datasets it matches
-- (`saved_search_match`; a dataset that no longer matches keeps its row, with `left_at`, so that the
-- change that took it out still reaches the search's subscribers), kept current by the saved-search matcher from the catalogue's numbered change
-- events. A dataset that starts to match raises a DATASET_MATCHED_SAVED_SEARCH event in the catalog's
-- outbox, owned by the search's organisation.
CREATE TABLE "catalog"."saved_search" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner" text NOT NULL,
	"created_by" text NOT NULL,
	"name" text NOT NULL,
	"search" text,
	"filter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "saved_search_owner" ON "catalog"."saved_search" ("owner", "created_at", "id");--> statement-breakpoint
CREATE TABLE "catalog"."saved_search_match" (
	"saved_search_id" uuid NOT NULL REFERENCES "catalog"."saved_search"("id") ON DELETE CASCADE,
	"dataset_id" text NOT NULL,
	"matched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	PRIMARY KEY ("saved_search_id", "dataset_id")
);--> statement-breakpoint
CREATE INDEX "saved_search_match_dataset" ON "catalog"."saved_search_match" ("dataset_id");--> statement-breakpoint
-- How far the matcher has read the catalog's numbered change events (one row).
CREATE TABLE "catalog"."saved_search_watch" (
	"only" boolean PRIMARY KEY DEFAULT true CHECK ("only"),
	"position" bigint NOT NULL
);--> statement-breakpoint
INSERT INTO "catalog"."saved_search_watch" ("position") SELECT coalesce(max("seq"), 0) FROM "catalog"."change_event";
--> statement-breakpoint
-- Saved searches and their matches are read per caller (never from the catalog's shared caches): a
-- change to them moves the gateways' `changes` generation, as numbered change events do.
CREATE FUNCTION "catalog"."notify_saved_search_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('change_feed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "saved_search_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."saved_search"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_saved_search_change"();--> statement-breakpoint
CREATE TRIGGER "saved_search_match_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."saved_search_match"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_saved_search_change"();
