-- Split packets (HJ212 §4.5) whose set never completed: each piece that came is stored as a packet and in the
-- series; this row says the set was given up, and which pieces never arrived.
CREATE TABLE gateway_split_partial (
    id          bigserial PRIMARY KEY,
    mn          text        NOT NULL,
    cn          text        NOT NULL,
    data_time   text,                       -- as the pieces sent it
    pnum        int         NOT NULL,
    received    int[]       NOT NULL,
    missing     int[]       NOT NULL,
    given_up_at timestamptz NOT NULL
);
CREATE INDEX gateway_split_partial_mn ON gateway_split_partial (mn, given_up_at DESC);
