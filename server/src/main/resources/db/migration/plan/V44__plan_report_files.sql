-- Evidence filed with a progress report (photos, scans): checked by what the bytes are, kept with the report.
CREATE TABLE plan_report_file (
    id           bigserial PRIMARY KEY,
    report_id    bigint      NOT NULL REFERENCES plan_report,
    filename     text        NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type text        NOT NULL,
    size         int         NOT NULL,
    bytes        bytea       NOT NULL
);
CREATE INDEX plan_report_file_report ON plan_report_file (report_id);

-- The monthly call for reports: once per unit and month.
CREATE TABLE plan_report_call (
    unit           text        NOT NULL,
    month          date        NOT NULL,   -- its first day
    sent_at        timestamptz NOT NULL,
    instruction_id bigint,
    PRIMARY KEY (unit, month)
);
