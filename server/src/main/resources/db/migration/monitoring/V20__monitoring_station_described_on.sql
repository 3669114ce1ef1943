-- The date of the newest dated source (a national station list) that describes each station: a list
-- older than it describes the past and must not supersede what the registry holds.
ALTER TABLE monitoring_station ADD COLUMN described_on date;
-- Handan's reference stations were taken from the national list of 2024-10 (monitoring/SOURCE.md).
UPDATE monitoring_station SET described_on = DATE '2024-10-09'
 WHERE code IN ('1047A', '1048A', '1049A', '1050A', '3458A', '3579A', '3580A');
