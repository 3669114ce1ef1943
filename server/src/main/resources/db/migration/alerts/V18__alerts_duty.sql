-- 24-hour duty (值班值守): who is on duty in each unit each day, the handover log, and the city office's
-- instructions to sets of units with read receipts, replies and a deadline. A unit is a county code, a city
-- department's name, or 130400 for the city office.
CREATE TABLE alerts_duty (
    unit         text        NOT NULL,
    day          date        NOT NULL,
    person       text        NOT NULL,
    phone        text,
    leader       text,
    leader_phone text,
    updated_at   timestamptz NOT NULL,
    updated_by   text        NOT NULL,
    PRIMARY KEY (unit, day)
);

CREATE TABLE alerts_handover (
    id          bigserial PRIMARY KEY,
    unit        text        NOT NULL,
    at          timestamptz NOT NULL,
    from_person text        NOT NULL,
    to_person   text        NOT NULL,
    note        text        NOT NULL,
    recorded_by text        NOT NULL
);
CREATE INDEX alerts_handover_unit ON alerts_handover (unit, at DESC);

CREATE TABLE alerts_instruction (
    id        bigserial PRIMARY KEY,
    title     text        NOT NULL,
    body      text        NOT NULL,
    issued_at timestamptz NOT NULL,
    issued_by text        NOT NULL,
    due_at    timestamptz
);

CREATE TABLE alerts_instruction_target (
    instruction_id bigint NOT NULL REFERENCES alerts_instruction (id),
    unit           text   NOT NULL,
    read_at        timestamptz,
    read_by        text,
    reply          text,
    replied_at     timestamptz,
    replied_by     text,
    PRIMARY KEY (instruction_id, unit)
);
CREATE INDEX alerts_instruction_target_unit ON alerts_instruction_target (unit, instruction_id DESC);
