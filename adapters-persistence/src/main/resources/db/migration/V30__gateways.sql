-- AI gateways, skills and memories (seed 003). Gateway parameters and skill options are JSON text documents kept
-- whole, so fields Olyx does not act on yet survive a round trip.

CREATE TABLE ai_gateways (
    id               UUID PRIMARY KEY,
    project_id       BIGINT        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name             VARCHAR(200)  NOT NULL,
    slug             VARCHAR(300)  NOT NULL,
    parameters_json  VARCHAR       NOT NULL,
    api_key_sealed   VARCHAR(4000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ai_gateways_slug_unique UNIQUE (project_id, slug)
);

CREATE TABLE skills (
    id             UUID PRIMARY KEY,
    project_id     BIGINT        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    slug           VARCHAR(128)  NOT NULL,
    description    VARCHAR,
    instructions   VARCHAR       NOT NULL,
    options_json   VARCHAR       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT skills_slug_unique UNIQUE (project_id, slug)
);

CREATE TABLE memories (
    id                UUID PRIMARY KEY,
    project_id        BIGINT        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    external_user_id  VARCHAR(256)  NOT NULL,
    content           VARCHAR(2000) NOT NULL,
    memory_format     VARCHAR(16)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX memories_user ON memories (project_id, external_user_id, created_at);
CREATE INDEX memories_project ON memories (project_id, created_at);
CREATE INDEX memories_expiry ON memories (expires_at);
