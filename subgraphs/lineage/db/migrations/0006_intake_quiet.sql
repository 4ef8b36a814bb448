-- The intake (lineage.event) is read by no GraphQL answer: events count once applied, and the tables
-- the applier writes (nodes, edges, runs) notify lineage_changed themselves. Notifying for every stored
-- event dropped every gateway's cached lineage answers and woke every lineage process's change
-- sequencer for nothing, once per request of single-event senders.
DROP TRIGGER IF EXISTS "event_changed" ON "lineage"."event";
