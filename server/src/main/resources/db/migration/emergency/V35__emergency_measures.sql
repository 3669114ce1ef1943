-- Per-plant emergency measures (一厂一策): templates by grading industry × grade × level, versioned, and each
-- plant's measures generated from them and editable, every revision kept with its expected reduction.

CREATE TABLE emergency_template_version (
    version    int PRIMARY KEY,
    name       text NOT NULL,
    valid_from date NOT NULL,
    source     text NOT NULL
);

-- kind: SELF (自主减排), CUT (限产 percent %), STOP_SHARE (按生产线停产 percent %), STOP (停产).
-- truck_ban_stage: heavy trucks of this emission stage and older may not haul (4: 国四及以下); 6: no road haulage at all.
-- grading_industry '*' serves every industry without rows of its own; grade '未分级' serves plants without a grade.
CREATE TABLE emergency_measure_template (
    version          int  NOT NULL REFERENCES emergency_template_version,
    grading_industry text NOT NULL,
    grade            text NOT NULL,
    level            text NOT NULL CHECK (level IN ('YELLOW', 'ORANGE', 'RED')),
    kind             text NOT NULL CHECK (kind IN ('SELF', 'CUT', 'STOP_SHARE', 'STOP')),
    percent          int  NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    truck_ban_stage  int  NOT NULL DEFAULT 0 CHECK (truck_ban_stage BETWEEN 0 AND 6),
    text             text NOT NULL,
    PRIMARY KEY (version, grading_industry, grade, level)
);

INSERT INTO emergency_template_version VALUES
    (1, '按绩效等级的通用应急减排措施', '2020-06-24',
     '环办大气函〔2020〕340号：A 级及引领性自主减排；B、C、D 级按水泥熟料示例（STANDARDS §4.3）；B- 级、非引领性和未分级企业的措施为本平台的配置，可由市大气办调整');

INSERT INTO emergency_measure_template (version, grading_industry, grade, level, kind, percent, truck_ban_stage, text)
SELECT 1, '*', g.grade, l.level, 'SELF', 0, 0, '自主采取减排措施'
  FROM (VALUES ('A+'), ('A'), ('引领性')) g(grade), (VALUES ('YELLOW'), ('ORANGE'), ('RED')) l(level);
INSERT INTO emergency_measure_template (version, grading_industry, grade, level, kind, percent, truck_ban_stage, text) VALUES
    (1, '*', 'B', 'YELLOW', 'CUT', 0, 4, '禁止国四及以下重型货车（含燃气）运输'),
    (1, '*', 'B', 'ORANGE', 'CUT', 20, 4, '限产 20%；禁止国四及以下重型货车运输'),
    (1, '*', 'B', 'RED', 'STOP', 100, 4, '停产；禁止国四及以下重型货车运输'),
    (1, '*', 'B-', 'YELLOW', 'CUT', 20, 4, '限产 20%；禁止国四及以下重型货车运输'),
    (1, '*', 'B-', 'ORANGE', 'STOP_SHARE', 50, 4, '停产 50%（以生产线计）；禁止国四及以下重型货车运输'),
    (1, '*', 'B-', 'RED', 'STOP', 100, 4, '停产；禁止国四及以下重型货车运输'),
    (1, '*', 'C', 'YELLOW', 'STOP_SHARE', 50, 4, '停产 50%（以生产线计）；禁止国四及以下重型货车运输'),
    (1, '*', 'C', 'ORANGE', 'STOP', 100, 4, '停产；禁止国四及以下重型货车运输'),
    (1, '*', 'C', 'RED', 'STOP', 100, 4, '停产；禁止国四及以下重型货车运输'),
    (1, '*', '非引领性', 'YELLOW', 'STOP_SHARE', 50, 4, '停产 50%（以生产线计）；禁止国四及以下重型货车运输'),
    (1, '*', '非引领性', 'ORANGE', 'STOP', 100, 4, '停产；禁止国四及以下重型货车运输'),
    (1, '*', '非引领性', 'RED', 'STOP', 100, 4, '停产；禁止国四及以下重型货车运输'),
    (1, '*', 'D', 'YELLOW', 'STOP', 100, 6, '停产；停止公路运输'),
    (1, '*', 'D', 'ORANGE', 'STOP', 100, 6, '停产；停止公路运输'),
    (1, '*', 'D', 'RED', 'STOP', 100, 6, '停产；停止公路运输'),
    (1, '*', '未分级', 'YELLOW', 'CUT', 10, 0, '限产 10%（一厂一策）'),
    (1, '*', '未分级', 'ORANGE', 'CUT', 20, 4, '限产 20%（一厂一策）；禁止国四及以下重型货车运输'),
    (1, '*', '未分级', 'RED', 'CUT', 30, 4, '限产 30%（一厂一策）；禁止国四及以下重型货车运输');

-- Each plant's measures per level; a new revision replaces the current one (current = true), the old ones stay.
-- Baselines and expected reductions are tonnes a day (the plant's latest annual baseline / 365).
CREATE TABLE emergency_plant_measure (
    id               bigserial PRIMARY KEY,
    credit_code      text        NOT NULL,
    county_code      text        NOT NULL,
    level            text        NOT NULL CHECK (level IN ('YELLOW', 'ORANGE', 'RED')),
    revision         int         NOT NULL,
    current          boolean     NOT NULL,
    template_version int,
    kind             text        NOT NULL CHECK (kind IN ('SELF', 'CUT', 'STOP_SHARE', 'STOP')),
    percent          int         NOT NULL CHECK (percent BETWEEN 0 AND 100),
    stop_line_ids    bigint[]    NOT NULL DEFAULT '{}',
    truck_ban_stage  int         NOT NULL CHECK (truck_ban_stage BETWEEN 0 AND 6),
    text             text        NOT NULL CHECK (length(text) <= 500),
    base_so2         numeric     NOT NULL,
    base_nox         numeric     NOT NULL,
    base_pm          numeric     NOT NULL,
    base_vocs        numeric     NOT NULL,
    cut_so2          numeric     NOT NULL,
    cut_nox          numeric     NOT NULL,
    cut_pm           numeric     NOT NULL,
    cut_vocs         numeric     NOT NULL,
    edited           boolean     NOT NULL,
    reason           text        CHECK (length(reason) <= 2000),
    recorded_by      text        NOT NULL,
    recorded_at      timestamptz NOT NULL,
    UNIQUE (credit_code, level, revision)
);
CREATE UNIQUE INDEX emergency_plant_measure_current ON emergency_plant_measure (credit_code, level) WHERE current;
CREATE INDEX emergency_plant_measure_county ON emergency_plant_measure (level, county_code) WHERE current;

-- A warning records the template version and the moment whose measures it used.
ALTER TABLE emergency_warning ADD COLUMN template_version int;
ALTER TABLE emergency_warning ADD COLUMN measures_at timestamptz;
