-- Responses kept for idempotent retries are now sealed under the master key (a key create's raw_key, a completion).
-- The ones stored before were in the clear: they are dropped, so a retry of one of them runs as a new request.
DELETE FROM idempotency_keys WHERE state = 'completed';
