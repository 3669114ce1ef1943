-- Where each national-network station stands, from the station list: the neighbouring cities' stations are
-- drawn on the map beside Handan's, and a city's position is the mean of its counted stations'.
ALTER TABLE airquality_network_station ADD COLUMN lon numeric, ADD COLUMN lat numeric;
