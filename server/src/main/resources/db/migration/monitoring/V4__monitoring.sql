-- Stations with their dated history, and observations kept append-only with revisions (monitoring module).

CREATE TABLE monitoring_station (
    code       text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_.-]{1,32}$'),
    name       text        NOT NULL,
    city       text        NOT NULL,
    pollutants text[]      NOT NULL,
    demo       boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- What a station was on a date: class, owning county-level unit, position, and whether it belongs to the
-- city's assessment set. valid_from NULL = since before our records; valid_to is exclusive.
CREATE TABLE monitoring_station_version (
    station_code  text    NOT NULL REFERENCES monitoring_station (code),
    valid_from    date,
    valid_to      date,
    station_class text    NOT NULL CHECK (station_class IN ('NATIONAL', 'PROVINCIAL', 'COUNTY', 'TOWNSHIP', 'MICRO')),
    county_code   text,
    zone_code     text,
    lon           numeric(10, 6),
    lat           numeric(10, 6),
    in_city_assessment boolean NOT NULL,
    note          text,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX monitoring_station_version_key ON monitoring_station_version (station_code, coalesce(valid_from, '-infinity'::date));
CREATE INDEX monitoring_station_version_county ON monitoring_station_version (county_code);

-- One row per received value. Never updated: a changed value is a new row with revision + 1.
-- period_end is the end of the averaging period (hour-ending, as the national network labels hours).
CREATE TABLE monitoring_observation (
    station_code text        NOT NULL,
    pollutant    text        NOT NULL,
    averaging    text        NOT NULL,
    period_end   timestamptz NOT NULL,
    revision     int         NOT NULL,
    value        numeric     NOT NULL,
    flag         text        NOT NULL,
    batch_id     bigint      NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (station_code, pollutant, averaging, period_end, revision)
) PARTITION BY RANGE (period_end);

-- The national network's published derived values (AQI, *_24h, O3_8h...), kept apart from the raw
-- measurements as reference values; same shape, same revision rule.
CREATE TABLE monitoring_reference_value (
    station_code text        NOT NULL,
    pollutant    text        NOT NULL,
    averaging    text        NOT NULL,
    period_end   timestamptz NOT NULL,
    revision     int         NOT NULL,
    value        numeric     NOT NULL,
    flag         text        NOT NULL,
    batch_id     bigint      NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (station_code, pollutant, averaging, period_end, revision)
) PARTITION BY RANGE (period_end);

-- Every ingestion request: what came in, what was kept, who sent it.
CREATE TABLE monitoring_import_batch (
    id           bigserial PRIMARY KEY,
    source       text        NOT NULL,
    format       text        NOT NULL,
    file_name    text,
    submitted_by text        NOT NULL,
    county_code  text,
    received     int         NOT NULL DEFAULT 0,
    inserted     int         NOT NULL DEFAULT 0,
    revised      int         NOT NULL DEFAULT 0,
    unchanged    int         NOT NULL DEFAULT 0,
    rejected     int         NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz
);

CREATE TABLE monitoring_import_error (
    batch_id bigint NOT NULL REFERENCES monitoring_import_batch (id),
    line     bigint NOT NULL,
    field    text   NOT NULL,
    reason   text   NOT NULL,
    PRIMARY KEY (batch_id, line, field)
);
