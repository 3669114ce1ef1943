-- Real-time results kept current as observations arrive (airquality module). Derived data: recomputed,
-- and replaced, whenever the observations behind them change.

-- A station's real-time AQI of one hour (HJ 633), with the 1-hour concentrations it was computed from.
CREATE TABLE airquality_station_hour (
    station_code       text        NOT NULL,
    hour_end           timestamptz NOT NULL,
    rule_set           text        NOT NULL,
    so2 numeric, no2 numeric, pm10 numeric, co numeric, o3 numeric, pm25 numeric,
    aqi                int,
    computed_aqi       int,
    primary_pollutants text[]      NOT NULL,
    provisional        boolean     NOT NULL,
    computed_at        timestamptz NOT NULL,
    PRIMARY KEY (station_code, hour_end)
);
CREATE INDEX airquality_station_hour_time ON airquality_station_hour (hour_end);

-- The city's or a county's real-time AQI of one hour, from the mean concentrations of its assessment stations
-- (HJ 663 §2.4: area values are station means, never means of station AQIs).
CREATE TABLE airquality_area_hour (
    area_code          text        NOT NULL,
    hour_end           timestamptz NOT NULL,
    rule_set           text        NOT NULL,
    station_count      int         NOT NULL,
    so2 numeric, no2 numeric, pm10 numeric, co numeric, o3 numeric, pm25 numeric,
    aqi                int,
    computed_aqi       int,
    primary_pollutants text[]      NOT NULL,
    provisional        boolean     NOT NULL,
    computed_at        timestamptz NOT NULL,
    PRIMARY KEY (area_code, hour_end)
);
CREATE INDEX airquality_area_hour_time ON airquality_area_hour (hour_end);
