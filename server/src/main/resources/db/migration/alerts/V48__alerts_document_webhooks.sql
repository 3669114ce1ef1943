-- A webhook may receive documents (a neighbouring city's exchange endpoint) instead of ticket changes; such a
-- delivery belongs to no ticket.
ALTER TABLE alerts_webhook ADD COLUMN kind text NOT NULL DEFAULT 'TICKETS' CHECK (kind IN ('TICKETS', 'DOCUMENTS'));
ALTER TABLE alerts_delivery ALTER COLUMN ticket_id DROP NOT NULL;
