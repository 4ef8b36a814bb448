-- Every committed change to organisations, members, applications and permits sends NOTIFY
-- access_changed (payload: the transaction id), so that each gateway drops the cached answers built on
-- them. The audit trail is left out: it is written on every request and no cached answer holds it.
CREATE FUNCTION "access"."notify_access_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('access_changed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "organisation_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "access"."organisation"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."notify_access_changed"();--> statement-breakpoint
CREATE TRIGGER "organisation_member_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "access"."organisation_member"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."notify_access_changed"();--> statement-breakpoint
CREATE TRIGGER "access_application_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "access"."access_application"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."notify_access_changed"();--> statement-breakpoint
CREATE TRIGGER "permit_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "access"."permit"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."notify_access_changed"();
