-- Reviewed (audited) months (airquality module). Results of a reviewed month are no longer provisional.
-- The provisional city and county days the review superseded are kept, to show what the review changed.
CREATE TABLE airquality_reviewed_month (
    month       date PRIMARY KEY CHECK (extract(day FROM month) = 1),
    batch_id    bigint      NOT NULL,
    reviewed_by text        NOT NULL,
    reviewed_at timestamptz NOT NULL,
    reason      text
);

CREATE TABLE airquality_provisional_area_day (
    LIKE airquality_area_day,
    superseded_at timestamptz NOT NULL,
    PRIMARY KEY (area_code, day)
);
