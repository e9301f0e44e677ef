-- Per-customer summary of the visit history, refreshed by set-based SQL (CustomerStatsRefresh):
-- the roster and the segment insight read it instead of aggregating millions of visits per request.
-- Tier, loyalty, roster group and value are computed by the refresh with the insight settings of
-- that moment (the same rules as FrequencyTier, LoyaltyClass, RosterGroup and CustomerValue).
CREATE TABLE customer_stats (
    customer_id        BIGINT PRIMARY KEY,
    outlet_id          BIGINT NOT NULL,
    visits_total       INT NOT NULL,
    visits_365         INT NOT NULL,
    visits_prev_365    INT NOT NULL,
    first_visit_at     TIMESTAMP,
    last_visit_at      TIMESTAMP,
    amount_total       NUMERIC(16, 2) NOT NULL,
    items_total        BIGINT NOT NULL,
    -- mean days between the customer's last (up to six) visits; null with fewer than two visits
    mean_gap_days      NUMERIC(10, 2),
    -- a visit in the last twelve months came within 90 days of the visit before it
    returned_90        BOOLEAN NOT NULL,
    would_recommend    SMALLINT,
    tier               VARCHAR(8)  NOT NULL,
    loyalty            VARCHAR(12) NOT NULL,
    roster_group       VARCHAR(16),
    customer_value     NUMERIC(16, 2) NOT NULL,
    complaints_365     INT NOT NULL,
    satisfaction_sum   NUMERIC(14, 2),
    satisfaction_count INT NOT NULL,
    refreshed_at       TIMESTAMP NOT NULL
);
-- the roster: one outlet, one group, in the order asked for
CREATE INDEX customer_stats_roster_value_ix ON customer_stats (outlet_id, roster_group, customer_value DESC, customer_id);
CREATE INDEX customer_stats_roster_last_ix ON customer_stats (outlet_id, roster_group, last_visit_at DESC NULLS LAST, customer_id);
CREATE INDEX customer_stats_roster_visits_ix ON customer_stats (outlet_id, roster_group, visits_365 DESC, customer_id);
-- the customers behind one cell of the segment insight
CREATE INDEX customer_stats_segment_ix ON customer_stats (outlet_id, tier, loyalty, customer_value DESC, customer_id);

-- Complaints and satisfaction per customer, as the modules that own them (cases, surveys) report
-- them through the CustomerSignals interface at each full refresh. A customer may have one row per
-- reporting module.
CREATE TABLE customer_signal (
    customer_id        BIGINT NOT NULL,
    complaints         INT NOT NULL,
    satisfaction_sum   NUMERIC(14, 2),
    satisfaction_count INT NOT NULL
);
CREATE INDEX customer_signal_customer_ix ON customer_signal (customer_id);

-- The segment rollup: per outlet, frequency tier and loyalty class (at most 16 rows per outlet),
-- rebuilt from customer_stats at the end of each refresh.
CREATE TABLE customer_segment (
    outlet_id          BIGINT NOT NULL,
    tier               VARCHAR(8)  NOT NULL,
    loyalty            VARCHAR(12) NOT NULL,
    customers          BIGINT NOT NULL,
    value_sum          NUMERIC(20, 2) NOT NULL,
    returned_90        BIGINT NOT NULL,
    complaints         BIGINT NOT NULL,
    satisfaction_sum   NUMERIC(18, 2),
    satisfaction_count BIGINT NOT NULL,
    PRIMARY KEY (outlet_id, tier, loyalty)
);

-- Per unit (outlet, region, chain): how much of the value the top 20 % of its customers bring.
-- Not additive over outlets, so every unit above outlets has its own row.
CREATE TABLE customer_value_share (
    unit_id       BIGINT PRIMARY KEY,
    customers     BIGINT NOT NULL,
    value_total   NUMERIC(20, 2) NOT NULL,
    top_customers BIGINT NOT NULL,
    top_value     NUMERIC(20, 2) NOT NULL,
    refreshed_at  TIMESTAMP NOT NULL
);

-- One row that every refresh of customer_stats locks first (SELECT ... FOR UPDATE): a chunk of the
-- full refresh and an import's refresh of the same customers would otherwise both delete the old
-- row and insert a new one, and the later insert would fail on the primary key.
CREATE TABLE customer_stats_lock (
    id INT PRIMARY KEY
);
INSERT INTO customer_stats_lock (id) VALUES (1);
