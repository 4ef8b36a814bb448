CREATE SCHEMA IF NOT EXISTS "access";
--> statement-breakpoint
CREATE TABLE "access"."access_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"applicant_organisation_id" text NOT NULL,
	"submitted_by" text NOT NULL,
	"principal_investigator" jsonb NOT NULL,
	"authorised_persons" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"purpose_description" text NOT NULL,
	"dataset_ids" text[] NOT NULL,
	"data_form" text NOT NULL,
	"pseudonymisation_justification" text,
	"secure_processing_environment" text NOT NULL,
	"requested_duration_months" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_due_at" date NOT NULL,
	"review_started_at" timestamp with time zone,
	"reviewer_subject" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "access"."audit_event" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"request_id" text NOT NULL,
	"subject" text,
	"organisation_id" text,
	"roles" text[] NOT NULL,
	"source" text NOT NULL,
	"action" text NOT NULL,
	"operation_name" text,
	"document_hash" text,
	"dataset_ids" text[] NOT NULL,
	"outcome" text NOT NULL,
	"detail" jsonb,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_event_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "access"."organisation" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"type" text NOT NULL,
	"ror" text,
	"siren" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access"."organisation_member" (
	"organisation_id" text NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_member_organisation_id_subject_pk" PRIMARY KEY("organisation_id","subject")
);
--> statement-breakpoint
CREATE TABLE "access"."permit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"holder_organisation_id" text NOT NULL,
	"dataset_ids" text[] NOT NULL,
	"purpose" text NOT NULL,
	"purpose_description" text NOT NULL,
	"authorised_persons" jsonb NOT NULL,
	"conditions" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"extension_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "permit_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
ALTER TABLE "access"."access_application" ADD CONSTRAINT "access_application_applicant_organisation_id_organisation_id_fk" FOREIGN KEY ("applicant_organisation_id") REFERENCES "access"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."organisation_member" ADD CONSTRAINT "organisation_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "access"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."permit" ADD CONSTRAINT "permit_application_id_access_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "access"."access_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."permit" ADD CONSTRAINT "permit_holder_organisation_id_organisation_id_fk" FOREIGN KEY ("holder_organisation_id") REFERENCES "access"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_application_organisation_idx" ON "access"."access_application" USING btree ("applicant_organisation_id","submitted_at");--> statement-breakpoint
CREATE INDEX "access_application_datasets_idx" ON "access"."access_application" USING gin ("dataset_ids");--> statement-breakpoint
CREATE INDEX "audit_event_subject_idx" ON "access"."audit_event" USING btree ("subject","seq");--> statement-breakpoint
CREATE INDEX "audit_event_datasets_idx" ON "access"."audit_event" USING gin ("dataset_ids");--> statement-breakpoint
CREATE INDEX "permit_holder_idx" ON "access"."permit" USING btree ("holder_organisation_id");--> statement-breakpoint
CREATE INDEX "permit_datasets_idx" ON "access"."permit" USING gin ("dataset_ids");