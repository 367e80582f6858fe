-- Trigram index over the lexemes, so that a query word found in no chunk
-- (often a typo: "pasport") can be replaced by the closest known lexeme.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX lexeme_stats_trgm_idx ON lexeme_stats USING gin (lexeme gin_trgm_ops);
