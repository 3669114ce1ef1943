-- Outbound notifications: a unit's webhook (an SMS or messaging gateway consumes it) and every delivery, written in
-- the same transaction as the ticket change it announces (an outbox), sent with retries and back-off.
CREATE TABLE alerts_webhook (
    id         bigserial PRIMARY KEY,
    unit       text        NOT NULL,          -- a county code, a department's name, or 130400 for everything
    url        text        NOT NULL CHECK (url ~ '^https?://'),
    secret     text        NOT NULL,          -- signs each body (HMAC-SHA256); the receiver holds the same
    enabled    boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL
);

CREATE TABLE alerts_delivery (
    id              bigserial PRIMARY KEY,
    webhook_id      bigint      NOT NULL REFERENCES alerts_webhook (id),
    ticket_id       bigint      NOT NULL,
    action          text        NOT NULL,
    payload         text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_status     int,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX alerts_delivery_due ON alerts_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX alerts_delivery_webhook ON alerts_delivery (webhook_id, id DESC);
