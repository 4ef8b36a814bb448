CREATE TABLE "catalog"."dataset_version" (
	"dataset_id" text NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_organisation" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_fields" text[] NOT NULL,
	"record" jsonb,
	"reason" text,
	CONSTRAINT "dataset_version_unique" UNIQUE("dataset_id","version")
);
