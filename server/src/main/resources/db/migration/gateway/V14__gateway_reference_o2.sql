-- The reference O2 content of a stack outlet's emission standard (e.g. 6 % for coal boilers), against which
-- the converted (Zs) values it sends are checked.
ALTER TABLE gateway_device ADD COLUMN reference_o2 numeric CHECK (reference_o2 >= 0 AND reference_o2 < 21);
