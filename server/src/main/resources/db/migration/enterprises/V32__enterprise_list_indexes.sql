-- The register's list filters by grade and by list in force: partial indexes that answer them without a scan.
CREATE INDEX enterprise_grade_current ON enterprise_grade (grade, credit_code) WHERE valid_to IS NULL;
CREATE INDEX enterprise_flag_current ON enterprise_flag (flag, credit_code) WHERE valid_to IS NULL;
