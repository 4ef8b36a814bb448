ALTER TABLE "catalog"."data_holder" ADD COLUMN "source_iri" text;--> statement-breakpoint
ALTER TABLE "catalog"."data_holder" ADD COLUMN "name_language" text;--> statement-breakpoint
ALTER TABLE "catalog"."data_holder" ADD COLUMN "contact_page" text;--> statement-breakpoint
ALTER TABLE "catalog"."data_holder" ADD COLUMN "telephone" text;--> statement-breakpoint
ALTER TABLE "catalog"."data_holder" ADD COLUMN "note" jsonb;--> statement-breakpoint
ALTER TABLE "catalog"."data_holder" ADD COLUMN "trusted_data_holder" boolean;--> statement-breakpoint
ALTER TABLE "catalog"."dataset" ADD COLUMN "source_iri" text;--> statement-breakpoint
ALTER TABLE "catalog"."dataset" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."distribution" ADD COLUMN "license" text;--> statement-breakpoint
ALTER TABLE "catalog"."data_holder" ADD CONSTRAINT "data_holder_source_iri_unique" UNIQUE("source_iri");--> statement-breakpoint
ALTER TABLE "catalog"."dataset" ADD CONSTRAINT "dataset_source_iri_unique" UNIQUE("source_iri");