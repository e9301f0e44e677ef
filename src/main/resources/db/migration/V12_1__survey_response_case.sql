-- The case a response became, raised by its low score or by a manager from its comment: the
-- survey page offers "turn into a case" only once per response and links to the case instead.
-- (Numbered 12.1 so that it does not clash with another branch's V12.)
ALTER TABLE survey_response ADD COLUMN case_id BIGINT;
