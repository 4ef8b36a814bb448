-- Each notification names its transaction, so that every replica hearing it agrees on the same
-- generation of the catalogue (the gateway's response cache keys its entries by it).
CREATE OR REPLACE FUNCTION "catalog"."notify_catalogue_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('catalog_changed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;
