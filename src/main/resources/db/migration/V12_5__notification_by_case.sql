-- Closing a case marks every message about it read (casework Inbox.clearCase), found by case.
CREATE INDEX notification_case_ix ON notification (case_id);
