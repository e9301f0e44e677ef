-- Monthly sums per outlet that the audit dashboard reads instead of every audit and answer: a chain's
-- 200,000 audits and 8 million answers become (outlets x months) and (outlets x months x items) rows.
-- Kept up to date in the submission's transaction; rebuilt from the audits after a bulk load.

CREATE TABLE audit_month (
    outlet_id  BIGINT NOT NULL REFERENCES org_unit (id),
    stat_month DATE NOT NULL,
    audits     INT NOT NULL,
    scored     INT NOT NULL,
    score_sum  NUMERIC(16, 4) NOT NULL,
    failed     INT NOT NULL,
    CONSTRAINT audit_month_pk PRIMARY KEY (outlet_id, stat_month)
);

-- item_key: 's' and the standard id for items from a standard (all form versions together), 't' and the text for
-- an author's own item, as the dashboard's "weakest items" groups them.
CREATE TABLE audit_item_month (
    outlet_id   BIGINT NOT NULL REFERENCES org_unit (id),
    stat_month  DATE NOT NULL,
    item_key    VARCHAR(520) NOT NULL,
    standard_id BIGINT,
    text        VARCHAR(500) NOT NULL,
    area_code   VARCHAR(32) NOT NULL,
    answers     INT NOT NULL,
    score_sum   NUMERIC(16, 4) NOT NULL,
    CONSTRAINT audit_item_month_pk PRIMARY KEY (outlet_id, stat_month, item_key)
);
CREATE INDEX audit_item_month_month_ix ON audit_item_month (stat_month);
