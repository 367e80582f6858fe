-- Trigram index over the lexemes, so that a query word found in no chunk
-- (often a typo: "pasport") can be replaced by the closest known lexeme.
-- The index is on lower(lexeme) (lexemes are lower case already) so that
-- the planner never picks it for exact lookups, which the primary key
-- serves a hundred times faster.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX lexeme_stats_trgm_idx ON lexeme_stats USING gin (lower(lexeme) gin_trgm_ops);
