-- The health data access body that decides on each dataset of an application (the dataset's hdab when
-- the application was submitted), kept with the application and with the permit granted from it.
ALTER TABLE "access"."access_application" ADD COLUMN "dataset_access_bodies" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "access"."permit" ADD COLUMN "dataset_access_bodies" jsonb DEFAULT '[]'::jsonb NOT NULL;
