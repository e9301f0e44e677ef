-- Daily survey aggregates, kept by a job (SurveyRollup) so that outlet dashboards read a few
-- hundred rows instead of scanning millions of responses. Outlet 0 stands for "no outlet".
CREATE TABLE survey_daily (
    survey_id   BIGINT NOT NULL,
    outlet_id   BIGINT NOT NULL,
    stat_day    DATE NOT NULL,
    responses   INT NOT NULL,
    complete    INT NOT NULL,
    sat_n       INT NOT NULL,
    sat_sum     NUMERIC(16, 2) NOT NULL,
    promoters   INT NOT NULL,
    passives    INT NOT NULL,
    detractors  INT NOT NULL,
    ask_by_name INT NOT NULL,
    CONSTRAINT survey_daily_pk PRIMARY KEY (survey_id, outlet_id, stat_day)
);

-- Per question and day: how many numeric answers and their total (SERVQUAL items, importance points).
CREATE TABLE survey_item_daily (
    survey_id   BIGINT NOT NULL,
    outlet_id   BIGINT NOT NULL,
    stat_day    DATE NOT NULL,
    question_id BIGINT NOT NULL,
    n           INT NOT NULL,
    total       NUMERIC(16, 2) NOT NULL,
    CONSTRAINT survey_item_daily_pk PRIMARY KEY (survey_id, outlet_id, stat_day, question_id)
);

-- Responses up to this id are in the aggregates; readers add the newer ones live.
CREATE TABLE survey_rollup_mark (
    name             VARCHAR(32) PRIMARY KEY,
    last_response_id BIGINT NOT NULL
);
INSERT INTO survey_rollup_mark (name, last_response_id) VALUES ('daily', 0);
