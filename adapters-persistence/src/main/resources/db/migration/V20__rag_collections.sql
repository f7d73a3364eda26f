-- RAG: knowledge collections and their documents (AIVAX seed). Chunks and vectors live in the search index
-- under the key "<project_id>/<collection id>"; these tables hold the documents' text, fields and indexing state.
CREATE TABLE rag_collections (
    id          UUID PRIMARY KEY,
    project_id  BIGINT        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        VARCHAR(256)  NOT NULL,
    context     VARCHAR(10000),
    tags        VARCHAR(20000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rag_collections_project ON rag_collections (project_id, created_at);

-- revision counts text changes: an indexing job marks a document indexed only for the revision it embedded.
CREATE TABLE rag_documents (
    id             UUID PRIMARY KEY,
    collection_id  UUID          NOT NULL REFERENCES rag_collections (id) ON DELETE CASCADE,
    name           VARCHAR(512)  NOT NULL,
    reference      VARCHAR(1024),
    tags           VARCHAR(20000) NOT NULL,
    metadata       VARCHAR       NOT NULL,
    contents       VARCHAR       NOT NULL,
    content_hash   VARCHAR(64)   NOT NULL,
    index_state    VARCHAR(16)   NOT NULL,
    revision       INTEGER       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    indexed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT rag_documents_name UNIQUE (collection_id, name)
);
CREATE INDEX rag_documents_state ON rag_documents (collection_id, index_state);
CREATE INDEX rag_documents_created ON rag_documents (collection_id, created_at);
