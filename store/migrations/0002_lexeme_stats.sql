-- lexeme_stats caches, for each full-text lexeme, the number of chunks that
-- contain it, so that searches can weigh rare words above common ones (an
-- inverse document frequency) without scanning the index at query time. The
-- row with an empty lexeme holds the number of chunks. Ingest refreshes it.
CREATE TABLE lexeme_stats (
    lexeme text PRIMARY KEY,
    df     integer NOT NULL
);
