-- A whitelisted enterprise whose periodic re-check falls due reaches its county's inbox like any other finding.
ALTER TABLE alerts_rule DROP CONSTRAINT alerts_rule_kind_check;
ALTER TABLE alerts_rule ADD CONSTRAINT alerts_rule_kind_check CHECK (kind IN ('STATION_VALUES', 'STATION_SILENT',
    'DEVICE_OFFLINE', 'EMISSION_EXCEEDED', 'SUSPICIOUS_DATA', 'RECOMPUTE_FAILED', 'WHITELIST_RECHECK_DUE'));
INSERT INTO alerts_rule (code, version, name, kind, definition, receipt_minutes, disposal_minutes, department, enabled, created_at, created_by)
VALUES ('WHITELIST_RECHECK_DUE', 1, '白名单企业监督复核到期', 'WHITELIST_RECHECK_DUE',
        '{"match":"ALL","conditions":[],"sustainHours":1,"stationClasses":[],"effectHours":2}',
        1440, 10080, NULL, true, now(), 'system');
ALTER TABLE alerts_ticket DROP CONSTRAINT alerts_ticket_place_kind_check;
ALTER TABLE alerts_ticket ADD CONSTRAINT alerts_ticket_place_kind_check CHECK (place_kind IN ('STATION', 'DEVICE', 'POINT', 'SYSTEM', 'ENTERPRISE'));
