-- Notices of a warning's steps to the enterprises that must act, with their receipts (read, confirmed) against
-- a deadline. The counties' notices are instructions of the alerts module (its receipts, live stream and reminders).
CREATE TABLE emergency_notice (
    id             bigserial PRIMARY KEY,
    warning_id     bigint      NOT NULL REFERENCES emergency_warning,
    action         text        NOT NULL,
    level          text        NOT NULL,
    credit_code    text        NOT NULL,
    county_code    text        NOT NULL,
    measure        text        NOT NULL,
    sent_at        timestamptz NOT NULL,
    due_at         timestamptz NOT NULL,
    read_at        timestamptz,
    confirmed_at   timestamptz,
    confirmed_by   text,
    instruction_id bigint,
    escalated_at   timestamptz
);
CREATE INDEX emergency_notice_plant ON emergency_notice (credit_code, sent_at DESC);
CREATE INDEX emergency_notice_open ON emergency_notice (warning_id, county_code) WHERE confirmed_at IS NULL;
