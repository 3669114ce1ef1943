-- The 24-hour moving SO2 mean of each station hour, and its mean over an area's stations: CN2012 rates an
-- hourly SO2 above 800 µg/m³ by it (HJ 633-2012 Table 1 note), for areas as for stations.
ALTER TABLE airquality_station_hour ADD COLUMN so2_24h numeric;
ALTER TABLE airquality_area_hour ADD COLUMN so2_24h numeric;
