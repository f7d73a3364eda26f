-- Provider keys are up to 8,192 printable ASCII characters (long bearer tokens run to several kilobytes); sealed
-- ("v1:" and the base64 of nonce, ciphertext and tag) that is at most 10,963 characters. A sealed key that did
-- not fit made registering the model or gateway a 500.
ALTER TABLE models ALTER COLUMN api_key_sealed SET DATA TYPE VARCHAR(12000);
ALTER TABLE ai_gateways ALTER COLUMN api_key_sealed SET DATA TYPE VARCHAR(12000);
