-- Inbox messages are shown in the reader's language: keep what they are about, not only a text.
ALTER TABLE notification ADD COLUMN clock_kind VARCHAR(16);
ALTER TABLE notification ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
