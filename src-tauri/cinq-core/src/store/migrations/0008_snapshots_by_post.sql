-- Migration 8: a snapshot is found by its post and day, never by an id of its own: the table is keyed by them (one b-tree
-- instead of a table and its index; a post's snapshots sit together, in date order).
CREATE TABLE result_snapshot_by_post (
        post_id INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
        taken_on TEXT NOT NULL,
        source TEXT NOT NULL,
        impressions INTEGER,
        reach INTEGER,
        reactions INTEGER,
        comments INTEGER,
        shares INTEGER,
        saves INTEGER,
        clicks INTEGER,
        video_views INTEGER,
        follows INTEGER,
        leads INTEGER,
        PRIMARY KEY (post_id, taken_on)
    ) WITHOUT ROWID;
    INSERT INTO result_snapshot_by_post
        SELECT post_id, taken_on, source, impressions, reach, reactions, comments, shares, saves, clicks, video_views,
            follows, leads
        FROM result_snapshot;
    DROP TABLE result_snapshot;
    ALTER TABLE result_snapshot_by_post RENAME TO result_snapshot;
