-- Case search (CaseQueries) looks for a piece of text anywhere in a case's description or remedy,
-- or in its customer's name or phone: LIKE '%...%', which no B-tree serves. Trigram (pg_trgm) GIN
-- indexes do, for three characters or more, Chinese included.
--
-- pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13+: the database owner may
-- create it). Where it cannot be created the migration still succeeds and search scans, as on H2.
-- An extension already installed in another schema is used where it is.
DO $$
DECLARE
    ops text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION pg_trgm WITH SCHEMA public;
        EXCEPTION WHEN OTHERS THEN
            BEGIN
                CREATE EXTENSION pg_trgm;
            EXCEPTION WHEN OTHERS THEN
                RAISE WARNING 'pg_trgm could not be created (%); case search will scan', SQLERRM;
            END;
        END;
    END IF;
    SELECT quote_ident(n.nspname) || '.gin_trgm_ops' INTO ops
    FROM pg_opclass o JOIN pg_namespace n ON n.oid = o.opcnamespace JOIN pg_am a ON a.oid = o.opcmethod
    WHERE o.opcname = 'gin_trgm_ops' AND a.amname = 'gin'
    LIMIT 1;
    IF ops IS NOT NULL THEN
        EXECUTE format('CREATE INDEX support_case_description_trgm ON support_case USING gin (lower(description) %s)', ops);
        EXECUTE format('CREATE INDEX support_case_remedy_trgm ON support_case USING gin (lower(remedy) %s)', ops);
        EXECUTE format('CREATE INDEX customer_name_trgm ON customer USING gin (lower(name) %s)', ops);
        EXECUTE format('CREATE INDEX customer_phone_trgm ON customer USING gin (phone %s)', ops);
    END IF;
END $$;
