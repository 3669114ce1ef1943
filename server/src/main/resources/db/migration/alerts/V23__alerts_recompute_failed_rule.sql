-- A recomputation that failed for a station or area reaches the city office's inbox like any other finding.
ALTER TABLE alerts_rule DROP CONSTRAINT alerts_rule_kind_check;
ALTER TABLE alerts_rule ADD CONSTRAINT alerts_rule_kind_check CHECK (kind IN ('STATION_VALUES', 'STATION_SILENT',
    'DEVICE_OFFLINE', 'EMISSION_EXCEEDED', 'SUSPICIOUS_DATA', 'RECOMPUTE_FAILED'));
INSERT INTO alerts_rule (code, version, name, kind, definition, receipt_minutes, disposal_minutes, department, enabled, created_at, created_by)
VALUES ('RECOMPUTE_FAILED', 1, '空气质量结果重算失败', 'RECOMPUTE_FAILED',
        '{"match":"ALL","conditions":[],"sustainHours":1,"stationClasses":[],"effectHours":2}',
        30, 240, NULL, true, now(), 'system');
ALTER TABLE alerts_ticket DROP CONSTRAINT alerts_ticket_place_kind_check;
ALTER TABLE alerts_ticket ADD CONSTRAINT alerts_ticket_place_kind_check CHECK (place_kind IN ('STATION', 'DEVICE', 'POINT', 'SYSTEM'));
