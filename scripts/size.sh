#!/usr/bin/env bash
# size.sh measures PostgreSQL's footprint of the knowledge base per chunk:
# it copies the documents, chunks and document terms of SIZE_SOURCE (a
# database where a corpus was ingested, default plume_full) SIZE_COPIES times
# (default 2) into a scratch database, plume_size, builds the HNSW index there
# (timed), prints each table's and index's size, per chunk and per million
# chunks, then drops plume_size (SIZE_KEEP=1 keeps it). It reads SIZE_SOURCE
# only.
set -euo pipefail
cd "$(dirname "$0")/.."

SRC=${SIZE_SOURCE:-plume_full}
COPIES=${SIZE_COPIES:-2}
DST=plume_size
PG="-h 127.0.0.1 -U postgres"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DST?sslmode=disable"

dropdb $PG --if-exists "$DST"
createdb $PG "$DST"
[ -n "${SIZE_KEEP:-}" ] || trap 'dropdb $PG --if-exists "$DST"' EXIT
go build -o bin/plume ./cmd/plume
./bin/plume migrate >/dev/null
pg_dump $PG -a -t documents -t chunks -t embed_models -t document_terms "$SRC" | psql $PG -q -d "$DST" >/dev/null

DIM=$(psql $PG -d "$DST" -Atc "SELECT dim FROM embed_models LIMIT 1")
for i in $(seq 2 "$COPIES"); do
  # The copies' vectors are shifted a little: pgvector's HNSW index stores
  # equal vectors once, which would halve its measured size.
  shift="[$(printf "${i}e-4,%.0s" $(seq "$DIM"))"
  shift="${shift%,}]"
  psql $PG -q -d "$DST" -v ON_ERROR_STOP=1 <<SQL
INSERT INTO documents (source, external_id, title, description, url, audience, service, tags, breadcrumb, status,
    content_hash, origin, updated_at, verified_at, term_count, title_terms)
SELECT source, external_id || '#$i', title, description, url, audience, service, tags, breadcrumb, status,
    content_hash, origin, updated_at, verified_at, term_count, title_terms
FROM documents WHERE position('#' IN external_id) = 0;
CREATE TEMP TABLE copy_ids AS
SELECT d1.id AS old, d2.id AS new FROM documents d1
JOIN documents d2 ON d2.source = d1.source AND d2.external_id = d1.external_id || '#$i';
INSERT INTO chunks (document_id, ordinal, title, heading, text, embedding, embed_model)
SELECT m.new, c.ordinal, c.title, c.heading, c.text, c.embedding + '$shift'::vector, c.embed_model
FROM chunks c JOIN copy_ids m ON m.old = c.document_id;
INSERT INTO document_terms (lexeme, document_id, tf_title, tf_body, doc_terms)
SELECT t.lexeme, m.new, t.tf_title, t.tf_body, t.doc_terms FROM document_terms t JOIN copy_ids m ON m.old = t.document_id;
SQL
done

psql $PG -d "$DST" -Atc "SELECT index_name FROM embed_models" | while read -r idx; do
  def=$(psql $PG -d "$SRC" -Atc "SELECT indexdef FROM pg_indexes WHERE indexname = '$idx'")
  start=$(date +%s.%N)
  psql $PG -q -d "$DST" -c "SET maintenance_work_mem = '1GB'" -c "$def"
  echo "HNSW index $idx built in $(echo "$(date +%s.%N) - $start" | bc) s"
done
psql $PG -q -d "$DST" -c "VACUUM ANALYZE"

psql $PG -d "$DST" -P footer=off <<'SQL'
SELECT count(*) AS chunks, (SELECT count(*) FROM documents) AS documents FROM chunks;
WITH n AS (SELECT count(*)::numeric AS chunks FROM chunks),
rels AS (
  SELECT c.relname AS name, CASE c.relkind WHEN 'i' THEN 'index' ELSE 'table' END AS kind,
         pg_total_relation_size(c.oid) - CASE c.relkind WHEN 'r' THEN pg_indexes_size(c.oid) ELSE 0 END AS bytes
  FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
  WHERE s.nspname = 'public' AND c.relkind IN ('r', 'i')
    AND (c.relname IN ('documents', 'chunks', 'document_terms')
         OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('documents'::regclass, 'chunks'::regclass, 'document_terms'::regclass)))
)
SELECT name, kind, pg_size_pretty(bytes) AS size, round(bytes / n.chunks) AS bytes_per_chunk,
       pg_size_pretty((bytes / n.chunks * 1e6)::bigint) AS per_million_chunks
FROM rels, n ORDER BY bytes DESC;
SELECT pg_size_pretty(sum(pg_total_relation_size(oid))) AS knowledge_base_total,
       pg_size_pretty((sum(pg_total_relation_size(oid)) / (SELECT count(*) FROM chunks) * 1e6)::bigint) AS per_million_chunks
FROM pg_class WHERE relname IN ('documents', 'chunks', 'document_terms');
SQL
