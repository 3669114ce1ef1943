-- Reports from the public (公众举报、建言献策, participation module): what was reported, where, by which address
-- (kept for the office only), its tracking code, and how the office handled it.
CREATE TABLE participation_report (
    id          bigserial PRIMARY KEY,
    code        text        NOT NULL UNIQUE,
    category    text        NOT NULL,
    text        text        NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    lon         numeric,
    lat         numeric,
    contact     text        CHECK (length(contact) <= 100),
    remote      text,
    received_at timestamptz NOT NULL,
    status      text        NOT NULL DEFAULT 'RECEIVED' CHECK (status IN ('RECEIVED', 'PUSHED', 'ANSWERED', 'DISMISSED')),
    ticket_id   bigint,
    answer      text        CHECK (length(answer) <= 1000),
    handled_by  text,
    handled_at  timestamptz
);
CREATE INDEX participation_report_open ON participation_report (received_at) WHERE status = 'RECEIVED';

CREATE TABLE participation_photo (
    id           bigserial PRIMARY KEY,
    report_id    bigint NOT NULL REFERENCES participation_report,
    filename     text   NOT NULL,
    content_type text   NOT NULL,
    bytes        bytea  NOT NULL
);
