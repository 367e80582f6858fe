-- ingested_files remembers each file ingested whole and without error, so
-- that an ingest of an unchanged file skips reading it at all.
CREATE TABLE ingested_files (
    path        text PRIMARY KEY,
    sha256      text NOT NULL,
    -- version is what else decides the file's chunks: the chunker's
    -- version and the embedding model.
    version     text NOT NULL,
    documents   integer NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now()
);
