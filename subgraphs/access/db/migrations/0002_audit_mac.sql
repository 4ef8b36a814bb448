-- Entries from here on are authenticated by an HMAC under a key kept outside the database (version 2);
-- the entries written before stay verifiable by their unkeyed digest (version 1).
ALTER TABLE "access"."audit_event" ADD COLUMN "mac_version" smallint DEFAULT 1 NOT NULL;
