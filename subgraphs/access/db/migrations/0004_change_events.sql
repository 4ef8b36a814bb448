-- The access subgraph's change outbox, written by triggers in the transaction that makes the change:
-- an application's status (submitted, under review, granted, refused, withdrawn), a permit granted,
-- extended or revoked, and (by `emit_permit_reminders`, run daily) a permit about to expire (30 and 7
-- days before) or expired, each once (`once_key`). `organisation_id` is the organisation the event
-- belongs to: only its members (and internal roles) see it. `seq` is given after commit by the access
-- subgraph's sequencer (see the catalog's outbox).
CREATE TABLE "access"."change_event" (
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
CREATE UNIQUE INDEX "change_event_tx_key" ON "access"."change_event" ("tx", "tx_key") WHERE "tx_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "change_event_unnumbered" ON "access"."change_event" ("id") WHERE "seq" IS NULL;--> statement-breakpoint
CREATE INDEX "change_event_organisation" ON "access"."change_event" ("organisation_id", "seq");--> statement-breakpoint
CREATE SEQUENCE "access"."change_event_seq";--> statement-breakpoint
CREATE FUNCTION "access"."application_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
    RETURN NULL;
  END IF;
  INSERT INTO access.change_event (type, dataset_ids, organisation_id, detail)
  VALUES ('APPLICATION_STATUS_CHANGED', NEW.dataset_ids, NEW.applicant_organisation_id,
          jsonb_build_object('applicationId', NEW.id, 'status', NEW.status,
                             'previousStatus', CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "application_change_event" AFTER INSERT OR UPDATE OF "status" ON "access"."access_application"
  FOR EACH ROW EXECUTE FUNCTION "access"."application_change_event"();--> statement-breakpoint
CREATE FUNCTION "access"."permit_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    kind := 'PERMIT_GRANTED';
  ELSIF NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL THEN
    kind := 'PERMIT_REVOKED';
  ELSIF NEW.valid_until IS DISTINCT FROM OLD.valid_until THEN
    kind := 'PERMIT_EXTENDED';
  ELSE
    RETURN NULL;
  END IF;
  INSERT INTO access.change_event (type, dataset_ids, organisation_id, detail)
  VALUES (kind, NEW.dataset_ids, NEW.holder_organisation_id,
          jsonb_build_object('permitId', NEW.id, 'applicationId', NEW.application_id, 'validUntil', NEW.valid_until));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "permit_change_event" AFTER INSERT OR UPDATE ON "access"."permit"
  FOR EACH ROW EXECUTE FUNCTION "access"."permit_change_event"();--> statement-breakpoint
-- Permits about to expire (within 30 days, then within 7, of `valid_until`, counted from `today`; a
-- permit first seen 7 days or less before gets the 7-day reminder only) or expired, not revoked: one event each, however often it runs (`once_key`; an extension starts the reminders of the
-- new date afresh). Answers how many events it wrote.
CREATE FUNCTION "access"."emit_permit_reminders"(today date) RETURNS integer LANGUAGE sql AS $$
  WITH due AS (
    SELECT p.*, r.kind, r.days
    FROM access.permit p
    CROSS JOIN (VALUES ('PERMIT_EXPIRING', 30), ('PERMIT_EXPIRING', 7), ('PERMIT_EXPIRED', 0)) AS r(kind, days)
    WHERE p.revoked_at IS NULL
      AND CASE WHEN r.kind = 'PERMIT_EXPIRED' THEN p.valid_until < today
               WHEN r.days = 30 THEN p.valid_until - today BETWEEN 8 AND 30
               ELSE p.valid_until - today BETWEEN 0 AND 7 END
  ), written AS (
    INSERT INTO access.change_event (type, once_key, dataset_ids, organisation_id, detail)
    SELECT kind, 'permit:' || id || ':' || valid_until || ':' || days, dataset_ids, holder_organisation_id,
           jsonb_build_object('permitId', id, 'applicationId', application_id, 'validUntil', valid_until,
                              'daysLeft', CASE WHEN kind = 'PERMIT_EXPIRED' THEN NULL ELSE valid_until - today END)
    FROM due
    ON CONFLICT (once_key) DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::integer FROM written
$$;
--> statement-breakpoint
-- An outbox row written wakes the sequencers at commit (on the subgraph's change channel); numbered
-- rows become readable, which `change_feed` tells the dispatchers and the caches of the feed (once per
-- numbering transaction: identical notifications of one transaction are sent once).
CREATE FUNCTION "access"."notify_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('access_changed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "access"."notify_change_numbered"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('change_feed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "change_event_numbered" AFTER UPDATE OF "seq" ON "access"."change_event"
  FOR EACH ROW EXECUTE FUNCTION "access"."notify_change_numbered"();--> statement-breakpoint
CREATE TRIGGER "change_event_written" AFTER INSERT ON "access"."change_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."notify_change_event"();
