-- The digest of one audit entry: SHA-256 over the previous entry's hash and every field, in a fixed
-- textual form (UTC timestamps, NULL as empty), so that verification recomputes exactly what was written.
CREATE FUNCTION access.audit_digest(
  previous_hash text, at timestamptz, request_id text, subject text, organisation_id text, roles text[],
  source text, action text, operation_name text, document_hash text, dataset_ids text[], outcome text, detail jsonb
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    previous_hash,
    to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    request_id, coalesce(subject, ''), coalesce(organisation_id, ''), array_to_string(roles, ','),
    source, action, coalesce(operation_name, ''), coalesce(document_hash, ''), array_to_string(dataset_ids, ','),
    outcome, coalesce(detail::text, '')
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION access.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access.audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON access.audit_event
  FOR EACH ROW EXECUTE FUNCTION access.audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON access.audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION access.audit_append_only();
