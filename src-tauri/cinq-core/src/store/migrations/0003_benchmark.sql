-- Migration 3: step 2, the benchmark.
CREATE TABLE player (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        player_type TEXT NOT NULL,
        website TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX player_strategy ON player (strategy_id);
    -- The observation's fields as JSON (serde's form of benchmark::ObservationInput).
    CREATE TABLE observation (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES player (id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        observed_on TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE INDEX observation_player ON observation (player_id, network, observed_on);
    CREATE TABLE customer_voice (
        strategy_id INTEGER PRIMARY KEY REFERENCES strategy (id) ON DELETE CASCADE,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE TABLE trend (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE TABLE brand_themes (
        strategy_id INTEGER PRIMARY KEY REFERENCES strategy (id) ON DELETE CASCADE,
        themes TEXT NOT NULL CHECK (json_valid(themes))
    );
