-- Platform → device commands (gateway module), sent down the device's connection when it is next
-- connected (HJ212 §4.3), with the device's answers: QnRtn (9011) and ExeRtn (9012).
CREATE TABLE gateway_command (
    id           bigserial PRIMARY KEY,
    mn           text        NOT NULL REFERENCES gateway_device (mn),
    cn           text        NOT NULL CHECK (cn ~ '^[0-9]{4}$'),
    parameters   text        NOT NULL,            -- the data area as sent, e.g. BeginTime=…;EndTime=…
    reason       text        NOT NULL,
    requested_by text        NOT NULL,
    requested_at timestamptz NOT NULL,
    state        text        NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'ACCEPTED', 'REFUSED', 'DONE', 'FAILED')),
    qn           text,
    sent_at      timestamptz,
    qn_rtn       int,
    exe_rtn      int,
    finished_at  timestamptz
);
CREATE INDEX gateway_command_open ON gateway_command (mn) WHERE state IN ('QUEUED', 'SENT', 'ACCEPTED');
CREATE UNIQUE INDEX gateway_command_qn ON gateway_command (mn, qn) WHERE qn IS NOT NULL;

-- A device's answers to a command (9011, then 9012) carry the command's QN: a packet is the same packet
-- only with the same MN, QN and CN.
DROP INDEX gateway_packet_mn_qn;
CREATE UNIQUE INDEX gateway_packet_mn_qn_cn ON gateway_packet (mn, qn, cn) WHERE qn IS NOT NULL;
