-- The change outbox keeps numbered events for CHANGE_RETENTION_DAYS; `pruned_through` is the highest
-- sequence number pruned, so that a reader resuming from below it is told what it missed.
CREATE TABLE "catalog"."change_horizon" (
	"only" boolean PRIMARY KEY DEFAULT true CHECK ("only"),
	"pruned_through" bigint DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO "catalog"."change_horizon" DEFAULT VALUES;--> statement-breakpoint
CREATE INDEX "change_event_occurred_at" ON "catalog"."change_event" ("occurred_at");
