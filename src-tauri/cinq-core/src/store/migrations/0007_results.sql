-- Migration 7: step 5's results (results.rs). A publication is what the network says about a post; a snapshot is a post's
-- numbers on one day.
CREATE TABLE publication (
        post_id INTEGER PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        external_id TEXT,
        permalink TEXT,
        format TEXT,
        unplanned INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX publication_external ON publication (strategy_id, network, external_id);
    CREATE TABLE result_snapshot (
        id INTEGER PRIMARY KEY,
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
        UNIQUE (post_id, taken_on)
    );
    -- A KPI's value read by hand (from a tool outside the networks' exports: analytics, CRM…), one per day.
    CREATE TABLE kpi_reading (
        id INTEGER PRIMARY KEY,
        objective_id INTEGER NOT NULL REFERENCES social_objective (id) ON DELETE CASCADE,
        taken_on TEXT NOT NULL,
        value REAL NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (objective_id, taken_on)
    );
    -- The links of posts are mostly empty (ideas, unplanned posts found by a results import): partial indexes skip
    -- them, so that large imports write three index entries fewer per post.
    DROP INDEX post_topic;
    DROP INDEX post_editorial;
    DROP INDEX post_objective;
    DROP INDEX post_campaign;
    CREATE INDEX post_topic ON post (topic_id) WHERE topic_id IS NOT NULL;
    CREATE INDEX post_editorial ON post (editorial_item_id) WHERE editorial_item_id IS NOT NULL;
    CREATE INDEX post_objective ON post (objective_id) WHERE objective_id IS NOT NULL;
    CREATE INDEX post_campaign ON post (strategy_id, json_extract(data, '$.campaign'))
        WHERE json_extract(data, '$.campaign') <> '';
    -- An A/B test (abtests::AbTestInput as JSON; its variants name their posts by id).
    CREATE TABLE ab_test (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE INDEX ab_test_strategy ON ab_test (strategy_id);
    -- An adaptation of the plan (adaptations::AdaptationInput, its action and its changes, as JSON).
    CREATE TABLE adaptation (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        review_on TEXT,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE INDEX adaptation_strategy ON adaptation (strategy_id, review_on);
