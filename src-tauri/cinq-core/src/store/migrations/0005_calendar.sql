-- Migration 5: step 4, the calendar.
CREATE TABLE editorial_item (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE INDEX editorial_item_date ON editorial_item (strategy_id, date);
    -- A post: the links and what the calendar queries on are columns; the rest is JSON (calendar::PostData).
    -- scheduled_at is local wall time in the strategy's time zone, `YYYY-MM-DDTHH:MM`; NULL for an idea.
    CREATE TABLE post (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        scheduled_at TEXT,
        topic_id INTEGER REFERENCES topic (id) ON DELETE SET NULL,
        editorial_item_id INTEGER REFERENCES editorial_item (id) ON DELETE SET NULL,
        objective_id INTEGER REFERENCES social_objective (id) ON DELETE SET NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE INDEX post_schedule ON post (strategy_id, scheduled_at);
    CREATE INDEX post_topic ON post (topic_id);
    CREATE INDEX post_editorial ON post (editorial_item_id);
    CREATE INDEX post_objective ON post (objective_id);
