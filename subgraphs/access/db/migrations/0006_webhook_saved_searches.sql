-- A webhook subscription may be scoped to saved searches of its organisation (catalog.saved_search):
-- the events of the datasets that match them (or left them lately), and their DATASET_MATCHED_SAVED_SEARCH events.
ALTER TABLE "access"."webhook_subscription" ADD COLUMN "saved_search_ids" uuid[] DEFAULT '{}' NOT NULL;
