-- Every free-text column of the platform's tables holds at most 20 000 characters, whichever path wrote
-- it (the API refuses longer strings before this; forms meet it here). Webhook payloads are the platform's
-- own JSON and keep their size. NOT VALID: existing rows are left as they are; new and changed rows are checked.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT cl.relname AS table_name, a.attname AS column_name
          FROM pg_class cl
          JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = current_schema()
          JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE cl.relkind = 'r' AND NOT cl.relispartition
           AND a.atttypid = 'text'::regtype
           AND cl.relname !~ '^(geo_|event_publication|flyway_)'
           AND NOT (cl.relname = 'alerts_delivery' AND a.attname = 'payload')
    LOOP
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (length(%I) <= 20000) NOT VALID',
                       c.table_name, left(c.table_name || '_' || c.column_name || '_length', 63), c.column_name);
    END LOOP;
END $$;
