CREATE TABLE "catalog"."dataset_search" (
	"seq" integer PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"head" "tsvector" NOT NULL,
	"publisher_id" text NOT NULL,
	"access_rights" text NOT NULL,
	"health_category_mask" bigint NOT NULL,
	"health_theme_mask" bigint NOT NULL,
	"data_theme_mask" bigint NOT NULL,
	"country_mask" bigint NOT NULL,
	"coding_system_mask" bigint NOT NULL,
	"temporal_start" date,
	"temporal_end" date,
	"title_key_fr" text NOT NULL,
	"title_key_en" text NOT NULL,
	"modified_key" date NOT NULL
);
--> statement-breakpoint
DROP INDEX "catalog"."dataset_search_document_idx";--> statement-breakpoint
DROP INDEX "catalog"."dataset_health_categories_idx";--> statement-breakpoint
DROP INDEX "catalog"."dataset_modified_idx";--> statement-breakpoint
ALTER TABLE "catalog"."dataset_search" ADD CONSTRAINT "dataset_search_seq_dataset_seq_fk" FOREIGN KEY ("seq") REFERENCES "catalog"."dataset"("seq") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dataset_search_document_idx" ON "catalog"."dataset_search" USING gin ("document");--> statement-breakpoint
CREATE INDEX "dataset_search_title_fr_idx" ON "catalog"."dataset_search" USING btree ("title_key_fr","seq");--> statement-breakpoint
CREATE INDEX "dataset_search_title_en_idx" ON "catalog"."dataset_search" USING btree ("title_key_en","seq");--> statement-breakpoint
CREATE INDEX "dataset_search_modified_idx" ON "catalog"."dataset_search" USING btree ("modified_key","seq");--> statement-breakpoint
ALTER TABLE "catalog"."dataset" DROP COLUMN "boost";--> statement-breakpoint
ALTER TABLE "catalog"."dataset" DROP COLUMN "search_document";