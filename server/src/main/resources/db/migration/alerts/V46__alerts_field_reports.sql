-- Reports sent from the phone in the field: where the phone was when the report was sent, and the key the
-- phone gave it so that a report queued offline and sent again (a lost answer, a retry) is stored once.
ALTER TABLE alerts_ticket_event
    ADD COLUMN lon        numeric,
    ADD COLUMN lat        numeric,
    ADD COLUMN accuracy_m int,
    ADD COLUMN client_key text CHECK (client_key ~ '^[A-Za-z0-9-]{8,64}$');
CREATE UNIQUE INDEX alerts_ticket_event_client_key ON alerts_ticket_event (actor, client_key) WHERE client_key IS NOT NULL;
