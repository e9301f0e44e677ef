-- The sweep's reads, made cheap on any database: a clock waits for its warning and for its
-- escalation in columns of their own, cleared once it has warned / escalated or has stopped. An
-- index on each then holds, in range order, only what may still fire (the rest is NULL), and the
-- planner's estimate for "pending_at <= now" is right. (Indexes on (stopped_at, warned_at, warn_at)
-- were not used by PostgreSQL: it expected most warnings to lie in the past, since stopped clocks'
-- do, and read every running clock instead.)
ALTER TABLE case_clock ADD COLUMN warn_pending_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_clock ADD COLUMN escalate_pending_at TIMESTAMP WITH TIME ZONE;
UPDATE case_clock
SET warn_pending_at = CASE WHEN stopped_at IS NULL AND warned_at IS NULL AND escalated_at IS NULL THEN warn_at END,
    escalate_pending_at = CASE WHEN stopped_at IS NULL AND escalated_at IS NULL THEN due_at END;
DROP INDEX case_clock_warn_ix;
DROP INDEX case_clock_escalate_ix;
CREATE INDEX case_clock_warn_pending_ix ON case_clock (warn_pending_at);
CREATE INDEX case_clock_escalate_pending_ix ON case_clock (escalate_pending_at);
