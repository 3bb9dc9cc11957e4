-- Migration 1: strategies, their steps, and the app's settings.
CREATE TABLE strategy (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        sector TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL CHECK (language IN ('en', 'fr')),
        timezone TEXT NOT NULL,
        start_date TEXT NOT NULL,
        current_step TEXT NOT NULL DEFAULT 'audit',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
    );
    CREATE UNIQUE INDEX strategy_live_name ON strategy (name COLLATE NOCASE) WHERE deleted_at IS NULL;
    CREATE TABLE step_state (
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        step TEXT NOT NULL,
        completed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (strategy_id, step)
    );
    CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
