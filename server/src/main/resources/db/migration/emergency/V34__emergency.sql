-- Heavy-pollution weather response (emergency module): forecasts, the warning rules as versioned data, and
-- the warnings with every change.

-- The forecasting centre's AQI forecasts: each issue has its periods (a day, or a 24-hour mean across days).
CREATE TABLE emergency_forecast (
    id                bigserial PRIMARY KEY,
    issued_at         timestamptz NOT NULL,
    period_start      timestamptz NOT NULL,
    period_end        timestamptz NOT NULL,
    aqi_low           int         NOT NULL CHECK (aqi_low BETWEEN 0 AND 500),
    aqi_high          int         NOT NULL CHECK (aqi_high BETWEEN 0 AND 500 AND aqi_high >= aqi_low),
    primary_pollutant text        CHECK (length(primary_pollutant) <= 20),
    source            text        NOT NULL CHECK (length(source) <= 200),
    recorded_by       text        NOT NULL,
    recorded_at       timestamptz NOT NULL,
    CHECK (period_end > period_start AND period_end <= period_start + interval '72 hours'),
    UNIQUE (issued_at, period_start)
);
CREATE INDEX emergency_forecast_issue ON emergency_forecast (issued_at DESC);

-- The warning rules (STANDARDS §4.1, §4.2), each version valid from a date; the definition is read by
-- emergency.WarningRule: levels strictest first, each with alternative clauses of conditions that must all hold.
CREATE TABLE emergency_rule_version (
    code       text PRIMARY KEY,
    name       text  NOT NULL,
    valid_from date  NOT NULL UNIQUE,
    source     text  NOT NULL,
    definition jsonb NOT NULL
);
INSERT INTO emergency_rule_version VALUES
    ('RULES2018', '2018—2023 年预警分级标准', '2018-01-01', '环办大气函〔2018〕875号及各地预案（STANDARDS §4.1）',
     '{"basis": "UPPER",
       "levels": [
         {"level": "RED", "any": [{"all": [{"above": 200, "hours": 96}, {"above": 300, "hours": 48}]},
                                  {"all": [{"atLeast": 500, "hours": 24}]}]},
         {"level": "ORANGE", "any": [{"all": [{"above": 200, "hours": 72}, {"above": 300, "hours": 24}]}]},
         {"level": "YELLOW", "any": [{"all": [{"above": 200, "hours": 48}]}]}],
       "reductionShares": {"YELLOW": 10, "ORANGE": 20, "RED": 30}}'),
    ('RULES2024', '2024 年起预警分级标准', '2024-01-01', '环大气〔2024〕6号（STANDARDS §4.2）',
     '{"basis": "UPPER",
       "levels": [
         {"level": "RED", "any": [{"all": [{"above": 200, "hours": 72}, {"above": 300, "hours": 24}]}]},
         {"level": "ORANGE", "any": [{"all": [{"above": 200, "hours": 48}]}, {"all": [{"above": 150, "hours": 72}]}]},
         {"level": "YELLOW", "any": [{"all": [{"above": 200, "hours": 24}]}, {"all": [{"above": 150, "hours": 48}]}]}],
       "reductionShares": {"YELLOW": 10, "ORANGE": 20, "RED": 30}}');

-- A warning: its level, the counties it covers (null: the whole city), its span, and the rule version it was
-- proposed under. Every change is an event with its reason.
CREATE TABLE emergency_warning (
    id           bigserial PRIMARY KEY,
    level        text        NOT NULL CHECK (level IN ('YELLOW', 'ORANGE', 'RED')),
    counties     text[],
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    lifted_at    timestamptz,
    rule_version text        NOT NULL REFERENCES emergency_rule_version,
    proposal     text        CHECK (length(proposal) <= 2000),
    reason       text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    issued_by    text        NOT NULL,
    issued_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX emergency_warning_span ON emergency_warning (starts_at, ends_at);

CREATE TABLE emergency_warning_event (
    id         bigserial PRIMARY KEY,
    warning_id bigint      NOT NULL REFERENCES emergency_warning,
    at         timestamptz NOT NULL,
    action     text        NOT NULL CHECK (action IN ('ISSUED', 'RAISED', 'LOWERED', 'EXTENDED', 'LIFTED')),
    level      text        NOT NULL,
    ends_at    timestamptz NOT NULL,
    reason     text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    actor      text        NOT NULL
);
