-- A treatment facility names the production line it treats, so a facility off while its line runs can be seen.
ALTER TABLE enterprise_line ADD COLUMN serves text CHECK (length(serves) <= 200);
