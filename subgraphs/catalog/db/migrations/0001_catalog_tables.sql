CREATE SCHEMA IF NOT EXISTS "catalog";
--> statement-breakpoint
CREATE TABLE "catalog"."data_holder" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"publisher_type" text NOT NULL,
	"country" text NOT NULL,
	"homepage" text,
	"email" text,
	"is_access_body" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."dataset" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "catalog"."dataset_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"identifier" text NOT NULL,
	"title_fr" text,
	"title_en" text,
	"description_fr" text,
	"description_en" text,
	"keywords_fr" text[] DEFAULT '{}' NOT NULL,
	"keywords_en" text[] DEFAULT '{}' NOT NULL,
	"themes" text[] NOT NULL,
	"health_categories" text[] NOT NULL,
	"health_themes" text[] DEFAULT '{}' NOT NULL,
	"access_rights" text NOT NULL,
	"applicable_legislation" text[] DEFAULT '{}' NOT NULL,
	"publisher_id" text NOT NULL,
	"custodian_id" text,
	"access_body_id" text,
	"contact_point" jsonb NOT NULL,
	"temporal_start" date,
	"temporal_end" date,
	"spatial" text[] NOT NULL,
	"spatial_detail" jsonb,
	"coding_systems" text[] DEFAULT '{}' NOT NULL,
	"number_of_records" bigint,
	"number_of_unique_individuals" bigint,
	"min_typical_age" integer,
	"max_typical_age" integer,
	"population_coverage" jsonb,
	"personal_data" text[] DEFAULT '{}' NOT NULL,
	"legal_basis" text[] DEFAULT '{}' NOT NULL,
	"purposes" text[] DEFAULT '{}' NOT NULL,
	"retention_period" jsonb,
	"frequency" text,
	"issued" date,
	"modified" date,
	"version" text,
	"landing_page" text,
	"boost" real DEFAULT 0 NOT NULL,
	"search_document" "tsvector" GENERATED ALWAYS AS (catalog.dataset_document(title_fr, title_en, keywords_fr, keywords_en, description_fr, description_en)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dataset_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "catalog"."distribution" (
	"id" serial PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"access_url" text NOT NULL,
	"download_url" text,
	"format" text,
	"media_type" text,
	"byte_size" bigint,
	"rights" jsonb,
	CONSTRAINT "distribution_position_unique" UNIQUE("dataset_id","kind","position")
);
--> statement-breakpoint
ALTER TABLE "catalog"."dataset" ADD CONSTRAINT "dataset_publisher_id_data_holder_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "catalog"."data_holder"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."dataset" ADD CONSTRAINT "dataset_custodian_id_data_holder_id_fk" FOREIGN KEY ("custodian_id") REFERENCES "catalog"."data_holder"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."dataset" ADD CONSTRAINT "dataset_access_body_id_data_holder_id_fk" FOREIGN KEY ("access_body_id") REFERENCES "catalog"."data_holder"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."distribution" ADD CONSTRAINT "distribution_dataset_id_dataset_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "catalog"."dataset"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dataset_search_document_idx" ON "catalog"."dataset" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "dataset_publisher_idx" ON "catalog"."dataset" USING btree ("publisher_id");--> statement-breakpoint
CREATE INDEX "dataset_health_categories_idx" ON "catalog"."dataset" USING gin ("health_categories");--> statement-breakpoint
CREATE INDEX "dataset_modified_idx" ON "catalog"."dataset" USING btree ("modified","seq");