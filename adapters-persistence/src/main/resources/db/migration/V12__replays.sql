-- Replay jobs as clients see them: the opaque hex id they poll, the overrides, the cache key of the one-hour result
-- cache, the durable job that runs it, the replay traces it records (target -> trace id) and the stored result.
CREATE TABLE replays (
    id               VARCHAR(32)   PRIMARY KEY,
    project_id       BIGINT        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    api_key_id       VARCHAR(32)   NOT NULL,
    source_trace_id  UUID          NOT NULL,
    overrides        VARCHAR       NOT NULL,
    cache_key        VARCHAR(200)  NOT NULL,
    job_id           BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    replay_traces    VARCHAR       NOT NULL,
    result           VARCHAR,
    error            VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX replays_cache ON replays (project_id, cache_key, created_at);
CREATE INDEX replays_finished ON replays (project_id, finished_at);
