-- How a scheme's grade is found (STANDARDS §4.3). The 2020 guideline's grade is recorded as the
-- assessment gave it; the 2026 framework's is computed from the indicator grades: an industry's grade is its
-- weakest indicator's (短板原则), an enterprise spanning several industries takes its lowest industry grade,
-- and A+ is selected from among the A enterprises, never given to an indicator.
ALTER TABLE grading_scheme ADD COLUMN rule text NOT NULL DEFAULT 'AS_GIVEN' CHECK (rule IN ('AS_GIVEN', 'WEAKEST_INDICATOR'));
ALTER TABLE grading_scheme ADD COLUMN selected_grade text;
ALTER TABLE grading_scheme ADD COLUMN selected_from text;
ALTER TABLE grading_grade ADD COLUMN indicator_grade boolean NOT NULL DEFAULT true;

UPDATE grading_scheme SET rule = 'WEAKEST_INDICATOR', selected_grade = 'A+', selected_from = 'A' WHERE code = 'FRAMEWORK2026';
UPDATE grading_grade SET indicator_grade = false WHERE scheme = 'FRAMEWORK2026' AND grade = 'A+';

-- The indicator grades a computed grade was found from, kept with it as its evidence.
CREATE TABLE enterprise_grade_indicator (
    grade_id         bigint NOT NULL REFERENCES enterprise_grade,
    grading_industry text   NOT NULL CHECK (length(grading_industry) BETWEEN 1 AND 100),
    indicator        text   NOT NULL CHECK (length(indicator) BETWEEN 1 AND 100),
    grade            text   NOT NULL,
    PRIMARY KEY (grade_id, grading_industry, indicator)
);
