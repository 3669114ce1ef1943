-- The register of air-related enterprises (涉气企业清单, enterprises module): one file per enterprise.

CREATE TABLE enterprise (
    credit_code        text PRIMARY KEY CHECK (credit_code ~ '^[0-9A-HJ-NP-RTUWXY]{18}$'),
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    county_code        text        NOT NULL,
    county_set_by_hand boolean     NOT NULL,
    township           text        CHECK (length(township) <= 100),
    address            text        CHECK (length(address) <= 500),
    lon                numeric(9, 6),
    lat                numeric(8, 6),
    -- the position as entered, and in which datum (WGS84, GCJ02, BD09); lon/lat are WGS-84
    entered_lon        numeric(9, 6),
    entered_lat        numeric(8, 6),
    entered_datum      text        CHECK (entered_datum IN ('WGS84', 'GCJ02', 'BD09')),
    industry_code      text        CHECK (industry_code ~ '^[0-9]{2,4}$'),
    industry_name      text        CHECK (length(industry_name) <= 100),
    grading_industry   text        CHECK (length(grading_industry) <= 100),
    cluster            text        CHECK (length(cluster) <= 100),
    status             text        NOT NULL CHECK (status IN ('OPERATING', 'STOPPED', 'CLOSED', 'RELOCATED')),
    status_since       date,
    demo               boolean     NOT NULL DEFAULT false,
    updated_at         timestamptz NOT NULL,
    CHECK ((lon IS NULL) = (lat IS NULL))
);
CREATE INDEX enterprise_county ON enterprise (county_code, name);
CREATE INDEX enterprise_name ON enterprise (name);

-- Every status an enterprise has had, with the date it took effect.
CREATE TABLE enterprise_status (
    credit_code text        NOT NULL REFERENCES enterprise,
    status      text        NOT NULL,
    since       date        NOT NULL,
    reason      text        CHECK (length(reason) <= 500),
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX enterprise_status_code ON enterprise_status (credit_code, since);

-- The lists an enterprise is on (减排清单, VOCs 重点企业, 重点排污单位, 重点用车单位), each span with its dates.
CREATE TABLE enterprise_flag (
    id          bigserial PRIMARY KEY,
    credit_code text        NOT NULL REFERENCES enterprise,
    flag        text        NOT NULL CHECK (flag IN ('REDUCTION_LIST', 'VOC_KEY', 'KEY_DISCHARGER', 'KEY_VEHICLE_USER')),
    valid_from  date        NOT NULL,
    valid_to    date,
    reason      text        CHECK (length(reason) <= 500),
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX enterprise_flag_open ON enterprise_flag (credit_code, flag) WHERE valid_to IS NULL;

-- Performance-grading schemes as data (STANDARDS §4.3): each grade's order and what it counts as for the
-- plan's targets (创A: A or better; 升A晋B: A, B or leading).
CREATE TABLE grading_scheme (
    code       text PRIMARY KEY,
    name       text NOT NULL,
    valid_from date NOT NULL,
    source     text NOT NULL
);
CREATE TABLE grading_grade (
    scheme        text    NOT NULL REFERENCES grading_scheme,
    grade         text    NOT NULL,
    rank          int     NOT NULL,
    counts_as_a   boolean NOT NULL,
    counts_as_a_or_b boolean NOT NULL,
    PRIMARY KEY (scheme, grade)
);
INSERT INTO grading_scheme VALUES
    ('GUIDE2020', '重点行业绩效分级技术指南（2020 年修订版）', '2020-06-24', '环办大气函〔2020〕340号'),
    ('FRAMEWORK2026', '绩效分级管理（2026 年框架）', '2026-01-01', '环办大气〔2026〕2号');
INSERT INTO grading_grade VALUES
    ('GUIDE2020', '引领性', 1, true, true),
    ('GUIDE2020', 'A', 2, true, true),
    ('GUIDE2020', 'B', 3, false, true),
    ('GUIDE2020', 'B-', 4, false, false),
    ('GUIDE2020', 'C', 5, false, false),
    ('GUIDE2020', 'D', 6, false, false),
    ('GUIDE2020', '非引领性', 7, false, false),
    ('FRAMEWORK2026', 'A+', 1, true, true),
    ('FRAMEWORK2026', 'A', 2, true, true),
    ('FRAMEWORK2026', 'B', 3, false, true),
    ('FRAMEWORK2026', 'C', 4, false, false),
    ('FRAMEWORK2026', 'D', 5, false, false);

-- Each grade an enterprise has held, with its dates and evidence; a new grade ends the one before.
CREATE TABLE enterprise_grade (
    id               bigserial PRIMARY KEY,
    credit_code      text        NOT NULL REFERENCES enterprise,
    scheme           text        NOT NULL,
    grade            text        NOT NULL,
    grading_industry text        CHECK (length(grading_industry) <= 100),
    valid_from       date        NOT NULL,
    valid_to         date,
    evidence         text        CHECK (length(evidence) <= 2000),
    recorded_by      text        NOT NULL,
    recorded_at      timestamptz NOT NULL,
    FOREIGN KEY (scheme, grade) REFERENCES grading_grade,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX enterprise_grade_code ON enterprise_grade (credit_code, valid_from);

-- The plan's yearly targets for the register (2023: 12 to A, 50 more A/B/leading, 350 on the whitelist).
CREATE TABLE enterprise_target (
    year  int  NOT NULL,
    kind  text NOT NULL CHECK (kind IN ('UPGRADE_TO_A', 'UPGRADE_TO_A_OR_B', 'WHITELIST')),
    value int  NOT NULL CHECK (value >= 0),
    PRIMARY KEY (year, kind)
);
INSERT INTO enterprise_target VALUES (2023, 'UPGRADE_TO_A', 12), (2023, 'UPGRADE_TO_A_OR_B', 50), (2023, 'WHITELIST', 350);
