-- Annual targets of the city and each county, entered by the city office (airquality module).
CREATE TABLE airquality_target (
    year            int         NOT NULL,
    area_code       text        NOT NULL,
    pm25            numeric,
    composite_index numeric,
    good_day_ratio  numeric,
    heavy_days_cap  int,
    set_by          text        NOT NULL,
    set_at          timestamptz NOT NULL,
    PRIMARY KEY (year, area_code)
);
