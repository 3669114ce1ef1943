-- Officially flagged sand-and-dust days (环办监测〔2016〕120号), imported, never decided here (STANDARDS §3.6).
CREATE TABLE airquality_sand_dust_day (
    area_code   text        NOT NULL,
    day         date        NOT NULL,
    imported_by text        NOT NULL,
    imported_at timestamptz NOT NULL,
    PRIMARY KEY (area_code, day)
);
