-- Stations of a national-network file outside the registry (other cities' data): skipped, counted apart.
ALTER TABLE monitoring_import_batch ADD COLUMN foreign_stations int NOT NULL DEFAULT 0;
-- Why a batch changes values already stored; a revision without one is refused.
ALTER TABLE monitoring_import_batch ADD COLUMN reason text;
