-- calibrations holds, per embedding model, each kind of calibration fitted
-- on labelled messages: 'reliability', the search's reliability model
-- (plume eval --calibrate), and 'answers', the thresholds at which a
-- validated answer is shown (plume eval --calibrate-answers). What a cosine
-- means depends on the model, so both are stored for each.
ALTER TABLE calibrations ADD COLUMN kind text NOT NULL DEFAULT 'reliability';
ALTER TABLE calibrations DROP CONSTRAINT calibrations_pkey;
ALTER TABLE calibrations ADD PRIMARY KEY (embed_model, kind);
