-- HJ 633-2026 §5.3.1: a report whose AQI is "NA" has no primary pollutant. Results computed before this
-- rule named one; clear them so no NA hour or day counts as a primary-pollutant day.
UPDATE airquality_station_hour SET primary_pollutants = '{}' WHERE aqi IS NULL AND cardinality(primary_pollutants) > 0;
UPDATE airquality_area_hour SET primary_pollutants = '{}' WHERE aqi IS NULL AND cardinality(primary_pollutants) > 0;
UPDATE airquality_station_day SET primary_pollutants = '{}' WHERE aqi IS NULL AND cardinality(primary_pollutants) > 0;
UPDATE airquality_area_day SET primary_pollutants = '{}' WHERE aqi IS NULL AND cardinality(primary_pollutants) > 0;
