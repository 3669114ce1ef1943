-- What each enterprise has (enterprises module): production and treatment lines with their capacity and
-- electricity sub-meter point (分表计电), outlets bound to their gateway devices, and baseline emissions.

CREATE TABLE enterprise_line (
    id            bigserial PRIMARY KEY,
    credit_code   text    NOT NULL REFERENCES enterprise,
    name          text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind          text    NOT NULL CHECK (kind IN ('PRODUCTION', 'TREATMENT')),
    capacity      numeric CHECK (capacity >= 0),
    capacity_unit text    CHECK (length(capacity_unit) <= 40),
    meter_point   text    CHECK (length(meter_point) <= 64),
    UNIQUE (credit_code, name)
);

CREATE TABLE enterprise_outlet (
    id            bigserial PRIMARY KEY,
    credit_code   text    NOT NULL REFERENCES enterprise,
    code          text    NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$'),
    name          text    CHECK (length(name) <= 200),
    permit_number text    CHECK (length(permit_number) <= 64),
    pollutants    text[]  NOT NULL DEFAULT '{}',
    device_mn     text    UNIQUE,
    UNIQUE (credit_code, code)
);

-- Annual baseline emissions (tonnes a year) per pollutant, of a line or of the whole enterprise (line_id null):
-- the base every emergency reduction is counted from.
CREATE TABLE enterprise_baseline (
    credit_code text    NOT NULL REFERENCES enterprise,
    line_id     bigint  REFERENCES enterprise_line,
    year        int     NOT NULL CHECK (year BETWEEN 2013 AND 2100),
    pollutant   text    NOT NULL CHECK (pollutant IN ('SO2', 'NOX', 'PM', 'VOCS')),
    tonnes      numeric NOT NULL CHECK (tonnes >= 0 AND tonnes < 1000000)
);
CREATE UNIQUE INDEX enterprise_baseline_key ON enterprise_baseline (credit_code, coalesce(line_id, 0), year, pollutant);
