-- An enterprise user belongs to one enterprise (its unified social credit code) and sees only that file.
ALTER TABLE identity_user ADD COLUMN enterprise_code text CHECK (length(enterprise_code) = 18);
