-- Every committed change to what the catalogue publishes (datasets, their distributions, data holders,
-- history) sends NOTIFY catalog_changed, so that each replica drops the pages it keeps. NOTIFY is sent at
-- commit, once per transaction however many statements it holds, and never for a rollback.
CREATE FUNCTION "catalog"."notify_catalogue_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('catalog_changed', '');
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "dataset_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog"."dataset"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalogue_changed"();--> statement-breakpoint
CREATE TRIGGER "distribution_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog"."distribution"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalogue_changed"();--> statement-breakpoint
CREATE TRIGGER "data_holder_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog"."data_holder"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalogue_changed"();--> statement-breakpoint
CREATE TRIGGER "dataset_version_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog"."dataset_version"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalogue_changed"();
