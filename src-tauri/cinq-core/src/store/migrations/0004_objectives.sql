-- Migration 4: step 3, the objectives, missions, content mix and topics.
CREATE TABLE business_goal (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        outcome TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX business_goal_strategy ON business_goal (strategy_id);
    CREATE TABLE marketing_objective (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        business_goal_id INTEGER REFERENCES business_goal (id) ON DELETE SET NULL
    );
    CREATE INDEX marketing_objective_strategy ON marketing_objective (strategy_id);
    -- The objective's fields as JSON (serde's form of objectives::ObjectiveInput); the link is also a column so
    -- that deleting the marketing objective clears it.
    CREATE TABLE social_objective (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        marketing_objective_id INTEGER REFERENCES marketing_objective (id) ON DELETE SET NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE INDEX social_objective_strategy ON social_objective (strategy_id);
    CREATE TABLE measurement_plan (
        objective_id INTEGER PRIMARY KEY REFERENCES social_objective (id) ON DELETE CASCADE,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE TABLE mission (
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        PRIMARY KEY (strategy_id, network)
    );
    CREATE TABLE mission_persona (
        strategy_id INTEGER NOT NULL,
        network TEXT NOT NULL,
        persona_id INTEGER NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (strategy_id, network, persona_id),
        FOREIGN KEY (strategy_id, network) REFERENCES mission (strategy_id, network) ON DELETE CASCADE
    );
    CREATE INDEX mission_persona_persona ON mission_persona (persona_id);
    CREATE TABLE mission_objective (
        strategy_id INTEGER NOT NULL,
        network TEXT NOT NULL,
        objective_id INTEGER NOT NULL REFERENCES social_objective (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (strategy_id, network, objective_id),
        FOREIGN KEY (strategy_id, network) REFERENCES mission (strategy_id, network) ON DELETE CASCADE
    );
    CREATE INDEX mission_objective_objective ON mission_objective (objective_id);
    -- network '' is the strategy-wide mix; any other row is a network's own mix.
    CREATE TABLE content_mix (
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        promotion INTEGER NOT NULL CHECK (promotion BETWEEN 0 AND 100),
        curation INTEGER NOT NULL CHECK (curation BETWEEN 0 AND 100),
        interaction INTEGER NOT NULL CHECK (interaction BETWEEN 0 AND 100),
        CHECK (promotion + curation + interaction = 100),
        PRIMARY KEY (strategy_id, network)
    );
    CREATE TABLE topic (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        pillar TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX topic_strategy ON topic (strategy_id);
