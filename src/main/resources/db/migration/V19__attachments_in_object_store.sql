-- Case attachments move out of the database into the object store (filesystem or S3-compatible).
-- A row names its object by key; rows written before this version keep their bytes in content until
-- the AttachmentMove job has copied them to the store, then content is set to NULL.
ALTER TABLE case_attachment ADD COLUMN object_key VARCHAR(512);
ALTER TABLE case_attachment ALTER COLUMN content DROP NOT NULL;
ALTER TABLE case_attachment ADD CONSTRAINT case_attachment_stored_ck CHECK (object_key IS NOT NULL OR content IS NOT NULL);
