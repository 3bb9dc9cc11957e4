-- Migration 2: step 1, the audit.
CREATE TABLE audit_options (
        strategy_id INTEGER PRIMARY KEY REFERENCES strategy (id) ON DELETE CASCADE,
        not_on_social_yet INTEGER NOT NULL DEFAULT 0,
        stale_after_days INTEGER NOT NULL DEFAULT 30
    );
    CREATE TABLE custom_network (
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        max_length INTEGER,
        formats TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(formats)),
        PRIMARY KEY (strategy_id, key)
    );
    CREATE TABLE selected_network (
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        PRIMARY KEY (strategy_id, network)
    );
    CREATE TABLE persona (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        audience_type TEXT NOT NULL,
        age_min INTEGER,
        age_max INTEGER
    );
    CREATE INDEX persona_strategy ON persona (strategy_id);
    CREATE TABLE persona_usage (
        persona_id INTEGER NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        level TEXT NOT NULL,
        PRIMARY KEY (persona_id, network)
    );
    -- The presence's fields as JSON (serde's form of audit::Presence).
    CREATE TABLE presence (
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        PRIMARY KEY (strategy_id, network)
    );
    CREATE TABLE metric_check (
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        metric TEXT NOT NULL,
        available INTEGER NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (strategy_id, network, metric)
    );
