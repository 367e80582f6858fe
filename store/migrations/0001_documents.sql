-- Documents of the knowledge base and their chunks, with French full-text
-- search (accent-insensitive) and untyped vectors so that two embedding models
-- can coexist during a re-embed (one partial HNSW index per model, created by
-- the store when a model is first used).

CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE TEXT SEARCH CONFIGURATION plume_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION plume_fr
    ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart
    WITH public.unaccent, french_stem;

CREATE TABLE documents (
    id           bigserial PRIMARY KEY,
    source       text NOT NULL,
    external_id  text NOT NULL,
    title        text NOT NULL,
    description  text NOT NULL DEFAULT '',
    url          text NOT NULL DEFAULT '',
    audience     text[] NOT NULL DEFAULT '{}',
    service      text NOT NULL DEFAULT '',
    tags         text[] NOT NULL DEFAULT '{}',
    breadcrumb   text[] NOT NULL DEFAULT '{}',
    status       text NOT NULL DEFAULT 'published'
                 CHECK (status IN ('draft', 'published', 'archived')),
    content_hash text NOT NULL,
    -- origin is the file, folder or archive the document was ingested from,
    -- so that "plume ingest --prune" can remove what vanished from it.
    origin       text NOT NULL DEFAULT '',
    updated_at   timestamptz,
    verified_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    modified_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, external_id)
);

CREATE INDEX documents_origin_idx ON documents (origin);
CREATE INDEX documents_service_idx ON documents (service);
CREATE INDEX documents_audience_idx ON documents USING gin (audience);
CREATE INDEX documents_tags_idx ON documents USING gin (tags);

CREATE TABLE chunks (
    id          bigserial PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    -- title is the document's title, copied so that it weighs in full-text
    -- ranking without a join; heading is the heading path joined by " > ".
    title       text NOT NULL,
    heading     text NOT NULL DEFAULT '',
    text        text NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('plume_fr', title), 'A') ||
                    setweight(to_tsvector('plume_fr', heading), 'B') ||
                    setweight(to_tsvector('plume_fr', text), 'D')
                ) STORED,
    embedding   vector,
    embed_model text,
    UNIQUE (document_id, ordinal)
);

CREATE INDEX chunks_tsv_idx ON chunks USING gin (tsv);
CREATE INDEX chunks_embed_model_idx ON chunks (embed_model);

-- embed_models lists the models whose vectors are stored, with their size;
-- each has a partial HNSW index named in index_name.
CREATE TABLE embed_models (
    model      text PRIMARY KEY,
    dim        integer NOT NULL CHECK (dim > 0),
    index_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
