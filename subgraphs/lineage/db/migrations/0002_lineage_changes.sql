-- Every committed change to the lineage graph, runs and events sends NOTIFY lineage_changed (payload: the
-- transaction id), so that each gateway drops the cached answers built on them.
CREATE FUNCTION "lineage"."notify_lineage_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lineage_changed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "node_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lineage"."node"
  FOR EACH STATEMENT EXECUTE FUNCTION "lineage"."notify_lineage_changed"();--> statement-breakpoint
CREATE TRIGGER "edge_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lineage"."edge"
  FOR EACH STATEMENT EXECUTE FUNCTION "lineage"."notify_lineage_changed"();--> statement-breakpoint
CREATE TRIGGER "column_lineage_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lineage"."column_lineage"
  FOR EACH STATEMENT EXECUTE FUNCTION "lineage"."notify_lineage_changed"();--> statement-breakpoint
CREATE TRIGGER "run_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lineage"."run"
  FOR EACH STATEMENT EXECUTE FUNCTION "lineage"."notify_lineage_changed"();--> statement-breakpoint
CREATE TRIGGER "run_state_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lineage"."run_state"
  FOR EACH STATEMENT EXECUTE FUNCTION "lineage"."notify_lineage_changed"();--> statement-breakpoint
CREATE TRIGGER "run_dataset_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lineage"."run_dataset"
  FOR EACH STATEMENT EXECUTE FUNCTION "lineage"."notify_lineage_changed"();--> statement-breakpoint
CREATE TRIGGER "event_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lineage"."event"
  FOR EACH STATEMENT EXECUTE FUNCTION "lineage"."notify_lineage_changed"();
