-- Idempotency-Key records (seed 002): the first request with a key owns it; retries get its stored response.
CREATE TABLE idempotency_keys (
    scope          VARCHAR(64)  NOT NULL,
    idem_key       VARCHAR(255) NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    status         INTEGER,
    response_body  VARCHAR,
    content_type   VARCHAR(128),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
