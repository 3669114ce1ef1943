-- The default absolute-threshold rules, version 2: when the whole city is polluted (a regional episode, the
-- warning system's matter) they fire only where a station stands 30 % above the city's mean; otherwise as
-- before. docs/alerts.md explains the choice. Version 1 is retired, as a rule edit does.
UPDATE alerts_rule SET retired_at = now() WHERE code IN ('PM25_HIGH', 'PM10_HIGH', 'PM25_RISE') AND retired_at IS NULL;
INSERT INTO alerts_rule (code, version, name, kind, definition, receipt_minutes, disposal_minutes, department, enabled, created_at, created_by)
SELECT code, version + 1, name, kind,
       jsonb_set(definition, '{conditions}', definition -> 'conditions' || jsonb_build_array(
           jsonb_build_object('type', 'LOCAL', 'measure', definition -> 'conditions' -> 0 ->> 'measure',
                              'threshold', CASE code WHEN 'PM10_HIGH' THEN 250 WHEN 'PM25_RISE' THEN 75 ELSE 115 END, 'percent', 30))),
       receipt_minutes, disposal_minutes, department, enabled, now(), 'system'
  FROM alerts_rule r
 WHERE code IN ('PM25_HIGH', 'PM10_HIGH', 'PM25_RISE')
   AND version = (SELECT max(version) FROM alerts_rule WHERE code = r.code);
