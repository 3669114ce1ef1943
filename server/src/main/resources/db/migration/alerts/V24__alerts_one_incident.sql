-- One incident, one ticket: every rule that fires at a place while its ticket is open merges into it.
-- The once-per-data-hour guard moves from the ticket to each rule and place.
CREATE TABLE alerts_trigger (
    rule_code text        NOT NULL,
    place_key text        NOT NULL,
    last_hour timestamptz NOT NULL,
    PRIMARY KEY (rule_code, place_key)
);
INSERT INTO alerts_trigger (rule_code, place_key, last_hour)
SELECT r.code, t.place_kind || ':' || coalesce(t.place_code, '') || ':' || coalesce(t.department, ''), max(t.last_trigger_hour)
  FROM alerts_ticket t JOIN alerts_rule r ON r.id = t.rule_id
 WHERE t.last_trigger_hour IS NOT NULL
 GROUP BY 1, 2;

-- A return gives the owner a new deadline for the rework; the first deadline stays for the assessment.
ALTER TABLE alerts_ticket ADD COLUMN rework_due timestamptz;
ALTER TABLE alerts_ticket ADD COLUMN rework_escalated_at timestamptz;
-- The office may close a report without evidence only by saying why.
ALTER TABLE alerts_ticket ADD COLUMN evidence_waived_by text;
ALTER TABLE alerts_ticket ADD COLUMN evidence_waived_reason text;
-- Photos belong to the report (a timeline entry) they came with.
ALTER TABLE alerts_attachment ADD COLUMN report_event_id bigint REFERENCES alerts_ticket_event (id);
-- The fire points pushed again (satellite, then patrol) merge into the open one nearby.
ALTER TABLE alerts_ticket ADD COLUMN duplicates int NOT NULL DEFAULT 0;
-- Evidence is what the owner uploads for its report; the office's files with a push are not evidence.
ALTER TABLE alerts_attachment ADD COLUMN purpose text NOT NULL DEFAULT 'EVIDENCE' CHECK (purpose IN ('EVIDENCE', 'PUSH'));
