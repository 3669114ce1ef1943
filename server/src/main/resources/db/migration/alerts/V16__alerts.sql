-- High-value push and dispatch (alerts module): detection rules (versioned), tickets with their deadlines and
-- timeline, evidence files, and the outbound notifications.

-- One row per version of a rule; editing a rule retires its version and adds the next one. Tickets name the
-- version that raised them.
CREATE TABLE alerts_rule (
    id               bigserial PRIMARY KEY,
    code             text        NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
    version          int         NOT NULL,
    name             text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('STATION_VALUES', 'STATION_SILENT', 'DEVICE_OFFLINE',
                                                          'EMISSION_EXCEEDED', 'SUSPICIOUS_DATA')),
    definition       jsonb       NOT NULL,          -- conditions, match, sustain hours, station classes, silent hours
    receipt_minutes  int         NOT NULL CHECK (receipt_minutes > 0),
    disposal_minutes int         NOT NULL CHECK (disposal_minutes > 0),
    department       text,                          -- a city department that owns these tickets with the county
    enabled          boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    retired_at       timestamptz,
    UNIQUE (code, version)
);
CREATE UNIQUE INDEX alerts_rule_current ON alerts_rule (code) WHERE retired_at IS NULL;

CREATE TABLE alerts_ticket (
    id                    bigserial PRIMARY KEY,
    source                text        NOT NULL CHECK (source IN ('RULE', 'FIRE_POINT', 'MANUAL')),
    rule_id               bigint REFERENCES alerts_rule (id),
    merge_key             text,                     -- rule code and place: repeated triggers merge while open
    title                 text        NOT NULL,
    detail                text        NOT NULL,
    place_kind            text        NOT NULL CHECK (place_kind IN ('STATION', 'DEVICE', 'POINT')),
    place_code            text,
    place_name            text        NOT NULL,
    county_code           text        NOT NULL,
    department            text,
    pollutant             text,
    value                 numeric,                  -- the value that first triggered it
    peak_value            numeric,
    lon numeric, lat numeric,
    origin                text,                     -- fire point: 卫星 / 巡查 / 举报
    state                 text        NOT NULL CHECK (state IN ('PUSHED', 'RECEIVED', 'DISPOSING', 'REPORTED', 'RETURNED', 'CLOSED')),
    pushed_at             timestamptz NOT NULL,
    receipt_due           timestamptz NOT NULL,
    disposal_due          timestamptz NOT NULL,
    received_at           timestamptz,
    reported_at           timestamptz,
    closed_at             timestamptz,
    receipt_escalated_at  timestamptz,
    disposal_escalated_at timestamptz,
    assignee              text,                     -- the township or grid member a county handed it down to
    cause_category        text,
    measures              text,
    responders            text,
    returns               int         NOT NULL DEFAULT 0,
    triggers              int         NOT NULL DEFAULT 1,
    last_triggered_at     timestamptz NOT NULL,
    last_trigger_hour     timestamptz,              -- the latest data hour that fired it (rule tickets)
    first_reported_at     timestamptz,              -- the on-time test uses the first report; a return does not reset it
    effective             boolean,
    effect_note           text,
    created_by            text        NOT NULL
);
CREATE UNIQUE INDEX alerts_ticket_open_merge ON alerts_ticket (merge_key) WHERE merge_key IS NOT NULL AND state <> 'CLOSED';
CREATE INDEX alerts_ticket_county ON alerts_ticket (county_code, pushed_at DESC);
CREATE INDEX alerts_ticket_pushed ON alerts_ticket (pushed_at DESC);
CREATE INDEX alerts_ticket_receipt_due ON alerts_ticket (receipt_due) WHERE receipt_escalated_at IS NULL AND state = 'PUSHED';
CREATE INDEX alerts_ticket_disposal_due ON alerts_ticket (disposal_due)
    WHERE disposal_escalated_at IS NULL AND state IN ('PUSHED', 'RECEIVED', 'DISPOSING', 'RETURNED');

-- Everything that happened to a ticket, in order: who, what, why.
CREATE TABLE alerts_ticket_event (
    id        bigserial PRIMARY KEY,
    ticket_id bigint      NOT NULL REFERENCES alerts_ticket (id),
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL,
    note      text
);
CREATE INDEX alerts_ticket_event_ticket ON alerts_ticket_event (ticket_id, id);

-- Photos and files: the evidence of a push or of a disposal.
CREATE TABLE alerts_attachment (
    id           bigserial PRIMARY KEY,
    ticket_id    bigint      NOT NULL REFERENCES alerts_ticket (id),
    event_id     bigint REFERENCES alerts_ticket_event (id),
    filename     text        NOT NULL,
    content_type text        NOT NULL,
    bytes        bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL,
    uploaded_by  text        NOT NULL
);
CREATE INDEX alerts_attachment_ticket ON alerts_attachment (ticket_id);

-- The rules the plan implies, as first versions; the city office changes them on the rules page.
INSERT INTO alerts_rule (code, version, name, kind, definition, receipt_minutes, disposal_minutes, department, enabled, created_at, created_by)
VALUES
 ('PM25_HIGH', 1, 'PM2.5 小时浓度达重度污染', 'STATION_VALUES',
  '{"match":"ALL","conditions":[{"type":"ABOVE","measure":"PM2_5","threshold":150}],"sustainHours":1,"stationClasses":[],"effectHours":2}',
  15, 120, NULL, true, now(), 'system'),
 ('PM10_HIGH', 1, 'PM10 小时浓度达重度污染', 'STATION_VALUES',
  '{"match":"ALL","conditions":[{"type":"ABOVE","measure":"PM10","threshold":350}],"sustainHours":1,"stationClasses":[],"effectHours":2}',
  15, 120, NULL, true, now(), 'system'),
 ('PM25_ABOVE_COUNTY', 1, 'PM2.5 持续高于所在县区均值', 'STATION_VALUES',
  '{"match":"ALL","conditions":[{"type":"ABOVE_AREA","measure":"PM2_5","area":"COUNTY","percent":50},{"type":"ABOVE","measure":"PM2_5","threshold":75}],"sustainHours":2,"stationClasses":[],"effectHours":2}',
  15, 120, NULL, true, now(), 'system'),
 ('PM25_RISE', 1, 'PM2.5 1 小时突升', 'STATION_VALUES',
  '{"match":"ALL","conditions":[{"type":"RISE","measure":"PM2_5","threshold":60,"hours":1},{"type":"ABOVE","measure":"PM2_5","threshold":75}],"sustainHours":1,"stationClasses":[],"effectHours":2}',
  15, 120, NULL, true, now(), 'system'),
 ('TOWNSHIP_WORST3', 1, '乡镇站 AQI 全市前三且超过 150', 'STATION_VALUES',
  '{"match":"ALL","conditions":[{"type":"WORST_N","measure":"AQI","n":3},{"type":"ABOVE","measure":"AQI","threshold":150}],"sustainHours":1,"stationClasses":["TOWNSHIP"],"effectHours":2}',
  15, 120, NULL, true, now(), 'system'),
 ('STATION_SILENT', 1, '站点断线 3 小时', 'STATION_SILENT',
  '{"match":"ALL","conditions":[],"sustainHours":1,"stationClasses":[],"silentHours":3,"effectHours":2}',
  30, 240, NULL, true, now(), 'system'),
 ('DEVICE_OFFLINE', 1, '在线监测设备离线', 'DEVICE_OFFLINE',
  '{"match":"ALL","conditions":[],"sustainHours":1,"stationClasses":[],"effectHours":2}',
  30, 240, NULL, true, now(), 'system'),
 ('EMISSION_EXCEEDED', 1, '排口超标排放', 'EMISSION_EXCEEDED',
  '{"match":"ALL","conditions":[],"sustainHours":1,"stationClasses":[],"effectHours":2}',
  15, 120, '市生态环境局', true, now(), 'system'),
 ('SUSPICIOUS_DATA', 1, '在线监测数据疑似异常', 'SUSPICIOUS_DATA',
  '{"match":"ALL","conditions":[],"sustainHours":1,"stationClasses":[],"effectHours":2}',
  30, 240, '市生态环境局', true, now(), 'system');
