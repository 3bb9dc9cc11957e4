-- Migration 13: what the best times (adapt/best_times.rs) learn from each post, in one small row kept by triggers, so
-- that they read one row of three numbers per post instead of every snapshot, post and publication (over 100,000
-- posts, 100,000 rows instead of about 400,000, and no text to decode). Nothing reads it but the best times; it is
-- derived, never written by hand: the triggers below keep it equal to what `latest_result_source` computes.
--
-- A row exists for a post with at least one snapshot, from its latest (the greatest `taken_on`):
-- - `slot`: `(weekday − 1) × 24 + hour` (0 = Monday 0h) of the post's known time, NULL when it has none: its
--   export's own time (publication.published_at), else none for an unplanned post (its place in the calendar is not a
--   time), else the planned post's time; a time that is not `YYYY-MM-DDTHH:MM` (a real day, a year from 1900 to 2200,
--   as dates::parse_day_time reads it) is none;
-- - `reach`: the reach when positive, else the impressions when positive, else NULL (TimedPost::new's rule);
-- - `engagements`: reactions + comments + shares + saves of those known, NULL when none is (Measures::engagements).
-- A count that is not a whole number is unknown, and a negative one is 0, as the Rust side reads counts.
-- These rules mirror the Rust functions named; a property test (tests/best_times.rs,
-- `the_latest_results_apply_the_rust_rules`) checks them against those functions on random values, and another
-- (`latest_results_follow_every_write`) checks the table against the view after every kind of write.
CREATE TABLE latest_result (
    strategy_id INTEGER NOT NULL,
    post_id INTEGER NOT NULL,
    network TEXT NOT NULL,
    slot INTEGER,
    reach INTEGER,
    engagements INTEGER,
    PRIMARY KEY (strategy_id, post_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX latest_result_post ON latest_result (post_id);

CREATE VIEW latest_result_source AS
    SELECT strategy_id, post_id, network,
        CASE WHEN typeof(at) = 'text' AND length(at) = 16
                AND at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'
                AND CAST(substr(at, 1, 4) AS INTEGER) BETWEEN 1900 AND 2200
                AND date(substr(at, 1, 10), '+0 days') IS substr(at, 1, 10)
                AND CAST(substr(at, 12, 2) AS INTEGER) < 24 AND CAST(substr(at, 15, 2) AS INTEGER) < 60
            THEN (CAST(strftime('%w', substr(at, 1, 10)) AS INTEGER) + 6) % 7 * 24 + CAST(substr(at, 12, 2) AS INTEGER)
        END AS slot,
        CASE WHEN reach > 0 THEN reach WHEN impressions > 0 THEN impressions END AS reach,
        CASE WHEN coalesce(reactions, comments, shares, saves) IS NOT NULL
            THEN coalesce(reactions, 0) + coalesce(comments, 0) + coalesce(shares, 0) + coalesce(saves, 0)
        END AS engagements
    FROM (
        SELECT p.strategy_id, p.id AS post_id, p.network,
            CASE WHEN b.published_at IS NOT NULL THEN b.published_at
                 WHEN b.unplanned THEN NULL
                 ELSE p.scheduled_at END AS at,
            CASE typeof(s.impressions) WHEN 'integer' THEN max(s.impressions, 0) END AS impressions,
            CASE typeof(s.reach) WHEN 'integer' THEN max(s.reach, 0) END AS reach,
            CASE typeof(s.reactions) WHEN 'integer' THEN max(s.reactions, 0) END AS reactions,
            CASE typeof(s.comments) WHEN 'integer' THEN max(s.comments, 0) END AS comments,
            CASE typeof(s.shares) WHEN 'integer' THEN max(s.shares, 0) END AS shares,
            CASE typeof(s.saves) WHEN 'integer' THEN max(s.saves, 0) END AS saves
        FROM post p
        JOIN result_snapshot s ON s.post_id = p.id
            AND s.taken_on = (SELECT max(taken_on) FROM result_snapshot WHERE post_id = p.id)
        LEFT JOIN publication b ON b.post_id = p.id
    );

INSERT INTO latest_result SELECT * FROM latest_result_source;

-- A post's row is computed again whenever one of its snapshots, its publication, or its network, time or strategy
-- changes; it goes with the post.
CREATE TRIGGER latest_result_snapshot_insert AFTER INSERT ON result_snapshot BEGIN
    DELETE FROM latest_result WHERE post_id = NEW.post_id;
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id = NEW.post_id;
END;
CREATE TRIGGER latest_result_snapshot_update AFTER UPDATE ON result_snapshot BEGIN
    DELETE FROM latest_result WHERE post_id IN (OLD.post_id, NEW.post_id);
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id IN (OLD.post_id, NEW.post_id);
END;
CREATE TRIGGER latest_result_snapshot_delete AFTER DELETE ON result_snapshot BEGIN
    DELETE FROM latest_result WHERE post_id = OLD.post_id;
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id = OLD.post_id;
END;
CREATE TRIGGER latest_result_publication_insert AFTER INSERT ON publication BEGIN
    DELETE FROM latest_result WHERE post_id = NEW.post_id;
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id = NEW.post_id;
END;
CREATE TRIGGER latest_result_publication_update AFTER UPDATE ON publication BEGIN
    DELETE FROM latest_result WHERE post_id IN (OLD.post_id, NEW.post_id);
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id IN (OLD.post_id, NEW.post_id);
END;
CREATE TRIGGER latest_result_publication_delete AFTER DELETE ON publication BEGIN
    DELETE FROM latest_result WHERE post_id = OLD.post_id;
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id = OLD.post_id;
END;
CREATE TRIGGER latest_result_post_update AFTER UPDATE OF strategy_id, network, scheduled_at ON post BEGIN
    DELETE FROM latest_result WHERE post_id IN (OLD.id, NEW.id);
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER latest_result_post_delete AFTER DELETE ON post BEGIN
    DELETE FROM latest_result WHERE post_id = OLD.id;
END;
