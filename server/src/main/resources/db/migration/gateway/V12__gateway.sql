-- The HJ 212 gateway (gateway module): the device registry, every packet accepted and every one refused,
-- and the series of stack, dust and other device data. Ambient station data go on to monitoring.

CREATE TABLE gateway_device (
    mn             text PRIMARY KEY CHECK (mn ~ '^[A-Za-z0-9_.-]{1,32}$'),
    name           text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('STACK', 'AMBIENT', 'DUST', 'VOC', 'NOISE')),
    protocol       text        NOT NULL CHECK (protocol IN ('V2005', 'V2017', 'V2025')),
    st             text        NOT NULL,
    password_salt  text        NOT NULL,
    password_hash  text        NOT NULL,             -- SHA-256 of salt and PW, hex
    county_code    text,
    station_code   text,                             -- AMBIENT: the monitoring station its hourly data feed
    bound_to       text,                             -- STACK/VOC: the enterprise outlet; DUST: the site
    tolerances     text[]      NOT NULL DEFAULT '{}',
    units          jsonb       NOT NULL DEFAULT '{}', -- factor code → unit the device sends
    limits         jsonb       NOT NULL DEFAULT '{}', -- factor code → emission limit (converted, mg/m³)
    offline_after_minutes int  NOT NULL DEFAULT 120 CHECK (offline_after_minutes > 0),
    enabled        boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL
);
CREATE INDEX gateway_device_county ON gateway_device (county_code);

-- Every accepted packet once: a retransmission (same MN and QN) is acknowledged again but not stored again.
CREATE TABLE gateway_packet (
    id          bigserial PRIMARY KEY,
    mn          text        NOT NULL,
    qn          text,
    cn          text        NOT NULL,
    data_time   timestamptz,
    received_at timestamptz NOT NULL,
    remote      text,
    text        text        NOT NULL,
    tolerated   text[]      NOT NULL
);
CREATE UNIQUE INDEX gateway_packet_mn_qn ON gateway_packet (mn, qn) WHERE qn IS NOT NULL;
CREATE INDEX gateway_packet_mn_received ON gateway_packet (mn, received_at DESC);

-- What was refused, why, and the bytes as they came.
CREATE TABLE gateway_rejection (
    id          bigserial PRIMARY KEY,
    received_at timestamptz NOT NULL,
    remote      text,
    mn          text,
    reason      text        NOT NULL,
    detail      text        NOT NULL,
    bytes       bytea       NOT NULL
);
CREATE INDEX gateway_rejection_mn ON gateway_rejection (mn, received_at DESC);
CREATE INDEX gateway_rejection_received ON gateway_rejection (received_at DESC);

-- One value set per device, command (2011 real-time, 2051 minute, 2061 hour, 2031 day), data time and
-- factor. Idempotent: history re-uploads change nothing. Flags other than N keep the value out of statistics.
CREATE TABLE gateway_series (
    mn        text        NOT NULL,
    cn        text        NOT NULL,
    data_time timestamptz NOT NULL,
    factor    text        NOT NULL,
    rtd numeric, min numeric, avg numeric, max numeric, zs_rtd numeric, zs_avg numeric, cou numeric,
    flag      text        NOT NULL,
    packet_id bigint      NOT NULL,
    PRIMARY KEY (mn, cn, data_time, factor)
);

-- Online state per device, kept by the watch that raises offline events once per change.
CREATE TABLE gateway_device_status (
    mn             text PRIMARY KEY,
    online         boolean     NOT NULL,
    last_packet_at timestamptz,
    changed_at     timestamptz NOT NULL
);
