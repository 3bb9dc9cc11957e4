-- Migration 13: what the best times (adapt/best_times.rs) learn from each post, in one small row kept by triggers, so
-- that they read one row per post instead of every snapshot, post and publication (over 100,000 posts, 100,000 rows
-- instead of about 400,000). Nothing reads it but the best times; it is derived, never written by hand: the triggers
-- below keep it equal to what `latest_result_source` computes.
--
-- A row exists for a post with at least one snapshot, from its latest (the greatest `taken_on`):
-- - `at`: the post's known time: its export's own (publication.published_at), else none for an unplanned post (its
--   place in the calendar is not a time), else the planned post's time (the best times read it with
--   dates::parse_day_time);
-- - `reach`: the reach when positive, else the impressions when positive, else NULL (TimedPost::new's rule);
-- - `engagements`: reactions + comments + shares + saves of those known, NULL when none is (Measures::engagements).
-- A count that is not a whole number is unknown, and a negative one is 0, as the Rust side reads counts. These rules
-- mirror the Rust functions named: a property test (tests/best_times.rs, `the_latest_results_apply_the_rust_rules`)
-- checks them against those functions on random values, and another (`latest_results_follow_every_write`) checks the
-- table against the view after every kind of write, paused or not.
--
-- A large write (a results import) pauses the triggers for its transaction (a row in `latest_result_paused`): they then
-- only note the posts they touch (`latest_result_touched`), and the write computes those rows once at its end
-- (Store::resume_latest_results), in place of once per row written. (The triggers test before they note: an
-- `INSERT OR IGNORE` in a trigger takes the conflict policy of the statement that fired it.)
CREATE TABLE latest_result (
    strategy_id INTEGER NOT NULL,
    post_id INTEGER NOT NULL,
    network TEXT NOT NULL,
    at TEXT,
    reach INTEGER,
    engagements INTEGER,
    PRIMARY KEY (strategy_id, post_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX latest_result_post ON latest_result (post_id);
CREATE TABLE latest_result_paused (paused INTEGER PRIMARY KEY);
CREATE TABLE latest_result_touched (post_id INTEGER PRIMARY KEY);

CREATE VIEW latest_result_source AS
    SELECT strategy_id, post_id, network, at,
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
-- changes (or, paused, the post is noted); it goes with the post.
CREATE TRIGGER latest_result_snapshot_insert AFTER INSERT ON result_snapshot
WHEN NOT EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    DELETE FROM latest_result WHERE post_id = NEW.post_id;
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id = NEW.post_id;
END;
CREATE TRIGGER latest_result_snapshot_insert_paused AFTER INSERT ON result_snapshot
WHEN EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    INSERT INTO latest_result_touched SELECT NEW.post_id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = NEW.post_id);
END;
CREATE TRIGGER latest_result_snapshot_update AFTER UPDATE ON result_snapshot
WHEN NOT EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    DELETE FROM latest_result WHERE post_id IN (OLD.post_id, NEW.post_id);
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id IN (OLD.post_id, NEW.post_id);
END;
CREATE TRIGGER latest_result_snapshot_update_paused AFTER UPDATE ON result_snapshot
WHEN EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    INSERT INTO latest_result_touched SELECT OLD.post_id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = OLD.post_id);
    INSERT INTO latest_result_touched SELECT NEW.post_id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = NEW.post_id);
END;
CREATE TRIGGER latest_result_snapshot_delete AFTER DELETE ON result_snapshot
WHEN NOT EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    DELETE FROM latest_result WHERE post_id = OLD.post_id;
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id = OLD.post_id;
END;
CREATE TRIGGER latest_result_snapshot_delete_paused AFTER DELETE ON result_snapshot
WHEN EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    INSERT INTO latest_result_touched SELECT OLD.post_id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = OLD.post_id);
END;
CREATE TRIGGER latest_result_publication_insert AFTER INSERT ON publication
WHEN NOT EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    DELETE FROM latest_result WHERE post_id = NEW.post_id;
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id = NEW.post_id;
END;
CREATE TRIGGER latest_result_publication_insert_paused AFTER INSERT ON publication
WHEN EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    INSERT INTO latest_result_touched SELECT NEW.post_id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = NEW.post_id);
END;
CREATE TRIGGER latest_result_publication_update AFTER UPDATE ON publication
WHEN NOT EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    DELETE FROM latest_result WHERE post_id IN (OLD.post_id, NEW.post_id);
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id IN (OLD.post_id, NEW.post_id);
END;
CREATE TRIGGER latest_result_publication_update_paused AFTER UPDATE ON publication
WHEN EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    INSERT INTO latest_result_touched SELECT OLD.post_id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = OLD.post_id);
    INSERT INTO latest_result_touched SELECT NEW.post_id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = NEW.post_id);
END;
CREATE TRIGGER latest_result_publication_delete AFTER DELETE ON publication
WHEN NOT EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    DELETE FROM latest_result WHERE post_id = OLD.post_id;
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id = OLD.post_id;
END;
CREATE TRIGGER latest_result_publication_delete_paused AFTER DELETE ON publication
WHEN EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    INSERT INTO latest_result_touched SELECT OLD.post_id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = OLD.post_id);
END;
CREATE TRIGGER latest_result_post_update AFTER UPDATE OF strategy_id, network, scheduled_at ON post
WHEN NOT EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    DELETE FROM latest_result WHERE post_id IN (OLD.id, NEW.id);
    INSERT INTO latest_result SELECT * FROM latest_result_source WHERE post_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER latest_result_post_update_paused AFTER UPDATE OF strategy_id, network, scheduled_at ON post
WHEN EXISTS (SELECT 1 FROM latest_result_paused) BEGIN
    INSERT INTO latest_result_touched SELECT OLD.id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = OLD.id);
    INSERT INTO latest_result_touched SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM latest_result_touched WHERE post_id = NEW.id);
END;
CREATE TRIGGER latest_result_post_delete AFTER DELETE ON post BEGIN
    DELETE FROM latest_result WHERE post_id = OLD.id;
END;
