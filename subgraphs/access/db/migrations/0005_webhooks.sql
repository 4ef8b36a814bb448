-- Webhook subscriptions of organisations (or of internal roles), and their deliveries. A subscription
-- reads the change feed with its owner's visibility from `position` on: the dispatcher turns each new
-- matching event into a delivery (one per event, `UNIQUE (subscription_id, event_id)`), numbered in
-- the subscription (`sequence`), and sends them in that order, each until it is acknowledged (2xx) or
-- its retries are spent (DEAD; the next one is then sent).
CREATE TABLE "access"."webhook_subscription" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" text,
	"created_by" text NOT NULL,
	"owner_roles" text[] NOT NULL,
	"url" text NOT NULL,
	"types" text[] NOT NULL,
	"dataset_ids" text[] NOT NULL DEFAULT '{}',
	"downstream_of" jsonb NOT NULL DEFAULT '[]'::jsonb,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_until" timestamp with time zone,
	"status" text NOT NULL DEFAULT 'ACTIVE',
	"position" jsonb NOT NULL,
	"next_sequence" bigint NOT NULL DEFAULT 1,
	"created_at" timestamp with time zone NOT NULL DEFAULT now(),
	CONSTRAINT "webhook_subscription_status" CHECK ("status" IN ('ACTIVE', 'PAUSED'))
);--> statement-breakpoint
CREATE INDEX "webhook_subscription_organisation" ON "access"."webhook_subscription" ("organisation_id", "created_at");--> statement-breakpoint
CREATE TABLE "access"."webhook_delivery" (
	"subscription_id" uuid NOT NULL REFERENCES "access"."webhook_subscription" ("id") ON DELETE CASCADE,
	"sequence" bigint NOT NULL,
	"webhook_id" text NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"payload" text NOT NULL,
	"status" text NOT NULL DEFAULT 'PENDING',
	"attempts" integer NOT NULL DEFAULT 0,
	"next_attempt_at" timestamp with time zone NOT NULL DEFAULT now(),
	"first_attempt_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL DEFAULT now(),
	CONSTRAINT "webhook_delivery_event" UNIQUE ("subscription_id", "event_id"),
	CONSTRAINT "webhook_delivery_pk" PRIMARY KEY ("subscription_id", "sequence"),
	CONSTRAINT "webhook_delivery_status" CHECK ("status" IN ('PENDING', 'DELIVERED', 'DEAD'))
);--> statement-breakpoint
CREATE INDEX "webhook_delivery_pending" ON "access"."webhook_delivery" ("subscription_id", "sequence") WHERE "status" = 'PENDING';
--> statement-breakpoint
-- A dispatcher claims a delivery for the time of one attempt (`lease_until`), so that several
-- dispatchers never send the same attempt twice; a claim left by a dispatcher that died expires.
ALTER TABLE "access"."webhook_delivery" ADD COLUMN "lease_until" timestamp with time zone;
