-- The event table doubles as the durable intake of the OpenLineage API: an event is acknowledged once
-- stored (applied = false), and the event applier applies pending events to the model in batches, in
-- their order of arrival. Events stored before this migration were applied when stored.
ALTER TABLE "lineage"."event" ADD COLUMN "applied" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Set when an event could not be applied on its own (it is then left out of the model, and logged).
ALTER TABLE "lineage"."event" ADD COLUMN "apply_error" text;--> statement-breakpoint
CREATE INDEX "event_pending_idx" ON "lineage"."event" USING btree ("seq") WHERE NOT "applied";
