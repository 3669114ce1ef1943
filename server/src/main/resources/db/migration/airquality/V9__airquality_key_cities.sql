-- The national ranking of key cities (airquality module): which national-network stations count for which
-- city, their hourly values from the public files, station and city days, and imported official tables.

-- The national network's station list as it maps stations to cities; counted = false for background
-- (对照点) and stopped stations, which do not enter the city's value.
CREATE TABLE airquality_network_station (
    station_code text PRIMARY KEY,
    name         text    NOT NULL,
    city         text    NOT NULL,
    counted      boolean NOT NULL
);

-- Hourly values of every national station from the public files (hour-ending). Never updated: a file
-- that changes an hour adds revision + 1; a blank cell never erases a value received before.
CREATE TABLE airquality_network_hour (
    station_code text        NOT NULL,
    hour_end     timestamptz NOT NULL,
    revision     int         NOT NULL,
    so2 numeric, no2 numeric, pm10 numeric, co numeric, o3 numeric, pm25 numeric,
    file_name    text        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (station_code, hour_end, revision)
);
CREATE INDEX airquality_network_hour_end ON airquality_network_hour (hour_end);

CREATE TABLE airquality_network_station_day (
    station_code text NOT NULL,
    day          date NOT NULL,
    so2 numeric, no2 numeric, pm10 numeric, co numeric, pm25 numeric, o3_8h numeric, o3_1h numeric,
    PRIMARY KEY (station_code, day)
);

-- A city's day: the mean of its counted stations' days (HJ 663 §2.4); derived, recomputed with them.
CREATE TABLE airquality_network_city_day (
    city          text NOT NULL,
    day           date NOT NULL,
    station_count int  NOT NULL,
    so2 numeric, no2 numeric, pm10 numeric, co numeric, pm25 numeric, o3_8h numeric, o3_1h numeric,
    PRIMARY KEY (city, day)
);
CREATE INDEX airquality_network_city_day_day ON airquality_network_city_day (day);

-- Published official rankings, one import per table as it came out; a later import of the same list
-- and period supersedes the earlier one, which is kept.
CREATE TABLE airquality_official_ranking (
    id          bigserial PRIMARY KEY,
    list        text        NOT NULL CHECK (list IN ('KEY_CITIES_168', 'HEBEI_CITIES', 'HEBEI_COUNTIES')),
    period_from date        NOT NULL,
    period_to   date        NOT NULL,
    source      text        NOT NULL,
    imported_by text        NOT NULL,
    imported_at timestamptz NOT NULL,
    CHECK (period_to >= period_from)
);
CREATE INDEX airquality_official_ranking_period ON airquality_official_ranking (list, period_from, period_to);

CREATE TABLE airquality_official_rank (
    ranking_id      bigint  NOT NULL REFERENCES airquality_official_ranking (id),
    place           text    NOT NULL,
    rank            int     NOT NULL CHECK (rank > 0),
    composite_index numeric,
    PRIMARY KEY (ranking_id, place)
);
