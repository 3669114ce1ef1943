-- Bulletins as issued (plan module): the document as it stood when issued, in every form it went out in, never
-- changed by later data; the instruction that carried it to the counties keeps its read receipts.
CREATE TABLE plan_bulletin (
    id             bigserial PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('HALF_MONTH', 'MONTH_STATEMENT', 'QUARTER_SUMMONS')),
    period_from    date        NOT NULL,
    period_to      date        NOT NULL,                 -- inclusive
    title          text        NOT NULL,
    content        jsonb       NOT NULL,
    pdf            bytea       NOT NULL,
    docx           bytea       NOT NULL,
    xlsx           bytea       NOT NULL,
    issued_by      text        NOT NULL,
    issued_at      timestamptz NOT NULL,
    instruction_id bigint,
    UNIQUE (kind, period_from),
    CHECK (period_to >= period_from)
);
