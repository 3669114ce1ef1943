-- The yearly plan (plan module): its tasks (annex 5 of the 2023 edition), its projects (annexes 1–4), its
-- numeric targets, the progress units report on them and the office's review of each report.

CREATE TABLE plan (
    year        int PRIMARY KEY CHECK (year BETWEEN 2013 AND 2100),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    source      text        NOT NULL CHECK (length(source) <= 500),
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE TABLE plan_task (
    id            bigserial PRIMARY KEY,
    year          int     NOT NULL REFERENCES plan ON DELETE CASCADE,
    seq           int     NOT NULL CHECK (seq > 0),
    measure       text    NOT NULL CHECK (length(measure) BETWEEN 1 AND 200),   -- 工作措施
    name          text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),      -- 任务名称
    target        text    NOT NULL CHECK (length(target) BETWEEN 1 AND 4000),   -- 任务目标
    lead_units    text[]  NOT NULL,                                             -- 牵头单位
    partner_units text[]  NOT NULL DEFAULT '{}',                                -- 责任配合单位
    partner_note  text    CHECK (length(partner_note) <= 200),
    deadline      date,                                                         -- null: none stated
    deadline_text text    NOT NULL CHECK (length(deadline_text) <= 50),         -- as written
    UNIQUE (year, seq)
);

CREATE TABLE plan_project (
    id            bigserial PRIMARY KEY,
    year          int     NOT NULL REFERENCES plan ON DELETE CASCADE,
    annex         int     NOT NULL CHECK (annex BETWEEN 1 AND 4),
    seq           int     NOT NULL CHECK (seq > 0),
    county_code   text    NOT NULL,
    industry      text    CHECK (length(industry) <= 100),
    enterprise    text    CHECK (length(enterprise) <= 200),     -- as written (annex 4: the building unit)
    credit_code   text,                                          -- the register's enterprise of that name, if any
    content       text    NOT NULL CHECK (length(content) BETWEEN 1 AND 1000),
    type          text    NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
    quantity      int     NOT NULL DEFAULT 1 CHECK (quantity >= 0),
    park          text    CHECK (length(park) <= 200),
    deadline      date,
    deadline_text text    NOT NULL CHECK (length(deadline_text) <= 50),
    UNIQUE (year, annex, seq, type)
);
CREATE INDEX plan_project_county ON plan_project (year, county_code);

-- A number the plan promises: what is counted, the target, its unit, whether it is a floor or a ceiling, by
-- when, and where the number comes from (REPORTED by the lead unit, or a register of the platform).
CREATE TABLE plan_target (
    id          bigserial PRIMARY KEY,
    year        int     NOT NULL REFERENCES plan ON DELETE CASCADE,
    seq         int     NOT NULL CHECK (seq > 0),
    what        text    NOT NULL CHECK (length(what) BETWEEN 1 AND 300),
    target      numeric NOT NULL,
    unit        text    NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
    comparison  text    NOT NULL CHECK (comparison IN ('AT_LEAST', 'AT_MOST')),
    deadline    date    NOT NULL,
    source      text    NOT NULL CHECK (length(source) BETWEEN 1 AND 40),
    lead_unit   text    NOT NULL CHECK (length(lead_unit) BETWEEN 1 AND 100),
    UNIQUE (year, seq)
);

-- What a unit reports on a task, project or target, and the city office's review of it.
CREATE TABLE plan_report (
    id          bigserial PRIMARY KEY,
    item_kind   text        NOT NULL CHECK (item_kind IN ('TASK', 'PROJECT', 'TARGET')),
    item_id     bigint      NOT NULL,
    unit        text        NOT NULL,                                        -- a county code or a department's name
    percent     int         CHECK (percent BETWEEN 0 AND 100),
    value       numeric,                                                     -- a target's reported value
    done        boolean     NOT NULL,
    text        text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    reported_by text        NOT NULL,
    reported_at timestamptz NOT NULL,
    review      text        NOT NULL DEFAULT 'PENDING' CHECK (review IN ('PENDING', 'ACCEPTED', 'RETURNED')),
    reviewed_by text,
    reviewed_at timestamptz,
    review_note text        CHECK (length(review_note) <= 2000)
);
CREATE INDEX plan_report_item ON plan_report (item_kind, item_id, reported_at DESC);
CREATE INDEX plan_report_unit ON plan_report (unit, reported_at DESC);
CREATE INDEX plan_report_pending ON plan_report (reported_at) WHERE review = 'PENDING';

-- What the watch has already said about an item (a reminder before its deadline, the instruction once overdue).
CREATE TABLE plan_notice (
    item_kind text        NOT NULL,
    item_id   bigint      NOT NULL,
    kind      text        NOT NULL CHECK (kind IN ('REMINDER', 'OVERDUE')),
    sent_at   timestamptz NOT NULL,
    instruction_id bigint,
    PRIMARY KEY (item_kind, item_id, kind)
);
