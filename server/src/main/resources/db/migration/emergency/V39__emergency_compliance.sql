-- Data that proves a plant's compliance during a warning: electricity sub-meter readings (分表计电) and
-- factory-gate records of heavy trucks (门禁).
CREATE TABLE emergency_submeter_reading (
    meter_point text        NOT NULL CHECK (length(meter_point) BETWEEN 1 AND 64),
    at          timestamptz NOT NULL,
    kw          numeric     NOT NULL CHECK (kw >= 0 AND kw < 10000000),
    received_at timestamptz NOT NULL,
    PRIMARY KEY (meter_point, at)
);

CREATE TABLE emergency_gate_record (
    id             bigserial PRIMARY KEY,
    credit_code    text        NOT NULL,
    plate          text        NOT NULL CHECK (length(plate) BETWEEN 1 AND 16),
    emission_stage int         NOT NULL CHECK (emission_stage BETWEEN 0 AND 6),
    direction      text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    at             timestamptz NOT NULL,
    received_at    timestamptz NOT NULL,
    UNIQUE (credit_code, plate, direction, at)
);
