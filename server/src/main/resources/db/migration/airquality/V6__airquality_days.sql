-- Daily results (airquality module): a station's day from its hours, an area's day from its stations'
-- days (HJ 663 §2.4). Kept current with the hourly results; derived, recomputed when their hours change.
CREATE TABLE airquality_station_day (
    station_code       text    NOT NULL,
    day                date    NOT NULL,
    rule_set           text    NOT NULL,
    so2 numeric, no2 numeric, pm10 numeric, co numeric, pm25 numeric,
    o3_8h numeric,
    o3_1h numeric,
    aqi                int,
    computed_aqi       int,
    primary_pollutants text[]  NOT NULL,
    provisional        boolean NOT NULL,
    PRIMARY KEY (station_code, day)
);

CREATE TABLE airquality_area_day (
    area_code          text    NOT NULL,
    day                date    NOT NULL,
    rule_set           text    NOT NULL,
    station_count      int     NOT NULL,
    so2 numeric, no2 numeric, pm10 numeric, co numeric, pm25 numeric,
    o3_8h numeric,
    o3_1h numeric,
    aqi                int,
    computed_aqi       int,
    primary_pollutants text[]  NOT NULL,
    provisional        boolean NOT NULL,
    PRIMARY KEY (area_code, day)
);
CREATE INDEX airquality_area_day_day ON airquality_area_day (day);
