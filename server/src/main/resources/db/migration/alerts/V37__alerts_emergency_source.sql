-- Tickets raised by the emergency module (a plant breaking its measure during a warning).
ALTER TABLE alerts_ticket DROP CONSTRAINT alerts_ticket_source_check;
ALTER TABLE alerts_ticket ADD CONSTRAINT alerts_ticket_source_check CHECK (source IN ('RULE', 'FIRE_POINT', 'MANUAL', 'EMERGENCY'));
