-- The supervision whitelist (监管白名单): proposed by a county or department, included by the city office,
-- re-checked periodically (监督复核), removed with a reason. Every step is kept.
CREATE TABLE enterprise_whitelist (
    id                 bigserial PRIMARY KEY,
    credit_code        text        NOT NULL REFERENCES enterprise,
    state              text        NOT NULL CHECK (state IN ('PROPOSED', 'INCLUDED', 'REJECTED', 'REMOVED')),
    proposed_by        text        NOT NULL,
    proposed_at        timestamptz NOT NULL,
    proposal_reason    text        NOT NULL CHECK (length(proposal_reason) BETWEEN 1 AND 2000),
    decided_by         text,
    decided_at         timestamptz,
    decision_reason    text        CHECK (length(decision_reason) <= 2000),
    included_on        date,
    recheck_every_days int         CHECK (recheck_every_days BETWEEN 1 AND 1096),
    next_recheck_due   date,
    reminded_for       date,
    removed_on         date,
    removal_reason     text        CHECK (length(removal_reason) <= 2000)
);
CREATE UNIQUE INDEX enterprise_whitelist_current ON enterprise_whitelist (credit_code) WHERE state IN ('PROPOSED', 'INCLUDED');
CREATE INDEX enterprise_whitelist_due ON enterprise_whitelist (next_recheck_due) WHERE state = 'INCLUDED';

CREATE TABLE enterprise_whitelist_check (
    id           bigserial PRIMARY KEY,
    whitelist_id bigint      NOT NULL REFERENCES enterprise_whitelist,
    checked_on   date        NOT NULL,
    passed       boolean     NOT NULL,
    note         text        CHECK (length(note) <= 2000),
    checked_by   text        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
