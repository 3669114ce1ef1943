-- A station or area whose results could not be recomputed: the others' results are stored, and the
-- failure is kept here for the health page and the office's inbox until a later recomputation succeeds.
CREATE TABLE airquality_recompute_failure (
    id          bigserial PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('STATION', 'AREA')),
    code        text        NOT NULL,
    period_from timestamptz NOT NULL,
    period_to   timestamptz NOT NULL,
    error       text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    resolved_at timestamptz
);
CREATE INDEX airquality_recompute_failure_open ON airquality_recompute_failure (occurred_at) WHERE resolved_at IS NULL;
