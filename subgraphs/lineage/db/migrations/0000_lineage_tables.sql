CREATE SCHEMA IF NOT EXISTS "lineage";
--> statement-breakpoint
CREATE TABLE "lineage"."column_lineage" (
	"output_dataset_id" bigint NOT NULL,
	"output_field" text NOT NULL,
	"input_dataset_id" bigint NOT NULL,
	"input_field" text NOT NULL,
	"transformations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "column_lineage_output_dataset_id_output_field_input_dataset_id_input_field_pk" PRIMARY KEY("output_dataset_id","output_field","input_dataset_id","input_field")
);
--> statement-breakpoint
CREATE TABLE "lineage"."edge" (
	"src" bigint NOT NULL,
	"dst" bigint NOT NULL,
	CONSTRAINT "edge_src_dst_pk" PRIMARY KEY("src","dst")
);
--> statement-breakpoint
CREATE TABLE "lineage"."event" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"event_hash" text NOT NULL,
	"event_kind" text NOT NULL,
	"event_time" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"untrusted_facets" text[] NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_event_hash_unique" UNIQUE("event_hash")
);
--> statement-breakpoint
CREATE TABLE "lineage"."node" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"namespace" text NOT NULL,
	"name" text NOT NULL,
	"facets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"catalog_dataset_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "node_identity" UNIQUE("kind","namespace","name")
);
--> statement-breakpoint
CREATE TABLE "lineage"."run" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job_id" bigint NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"nominal_start_time" timestamp with time zone,
	"nominal_end_time" timestamp with time zone,
	"parent_run_id" uuid,
	"facets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lineage"."run_dataset" (
	"run_id" uuid NOT NULL,
	"dataset_id" bigint NOT NULL,
	"direction" text NOT NULL,
	"version" text,
	CONSTRAINT "run_dataset_run_id_dataset_id_direction_pk" PRIMARY KEY("run_id","dataset_id","direction")
);
--> statement-breakpoint
CREATE TABLE "lineage"."run_state" (
	"run_id" uuid NOT NULL,
	"state" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "run_state_run_id_state_at_pk" PRIMARY KEY("run_id","state","at")
);
--> statement-breakpoint
ALTER TABLE "lineage"."column_lineage" ADD CONSTRAINT "column_lineage_output_dataset_id_node_id_fk" FOREIGN KEY ("output_dataset_id") REFERENCES "lineage"."node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage"."column_lineage" ADD CONSTRAINT "column_lineage_input_dataset_id_node_id_fk" FOREIGN KEY ("input_dataset_id") REFERENCES "lineage"."node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage"."edge" ADD CONSTRAINT "edge_src_node_id_fk" FOREIGN KEY ("src") REFERENCES "lineage"."node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage"."edge" ADD CONSTRAINT "edge_dst_node_id_fk" FOREIGN KEY ("dst") REFERENCES "lineage"."node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage"."run" ADD CONSTRAINT "run_job_id_node_id_fk" FOREIGN KEY ("job_id") REFERENCES "lineage"."node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage"."run_dataset" ADD CONSTRAINT "run_dataset_run_id_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "lineage"."run"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage"."run_dataset" ADD CONSTRAINT "run_dataset_dataset_id_node_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "lineage"."node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage"."run_state" ADD CONSTRAINT "run_state_run_id_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "lineage"."run"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edge_dst_src_idx" ON "lineage"."edge" USING btree ("dst","src");--> statement-breakpoint
CREATE INDEX "node_catalog_idx" ON "lineage"."node" USING btree ("catalog_dataset_id");--> statement-breakpoint
CREATE INDEX "run_job_idx" ON "lineage"."run" USING btree ("job_id","updated_at");--> statement-breakpoint
CREATE INDEX "run_dataset_dataset_idx" ON "lineage"."run_dataset" USING btree ("dataset_id");