-- Token buckets of platform.RateLimits, shared by every instance: Bucket4j's serialised state per
-- key, swapped by compare-and-set. A row whose bucket would be full again is no longer needed after
-- expires_at and is swept by a scheduled job.
CREATE TABLE rate_limit (
    bucket_key VARCHAR(200) PRIMARY KEY,
    state      BYTEA NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_limit_expires ON rate_limit (expires_at);
