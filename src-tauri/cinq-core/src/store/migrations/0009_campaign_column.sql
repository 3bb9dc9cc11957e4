-- Migration 9: writing a post parsed its JSON twice (the CHECK, then the campaign index on an expression): a tenth of a
-- large import. The campaign gets a column of its own, which the store writes with the JSON (calendar.rs), and
-- the CHECK goes: the store writes the JSON with serde, never by hand. SQLite cannot drop an unnamed CHECK, so
-- the table's definition is edited (SQLite's documented way of removing a CHECK), after the ALTER TABLE (which
-- finds where to add the column from the definition it has read), and RESET reads the schema again. The DDL
-- before it changes the schema cookie, so other connections read it again too.
ALTER TABLE post ADD COLUMN campaign TEXT NOT NULL DEFAULT '';
    UPDATE post SET campaign = json_extract(data, '$.campaign') WHERE json_extract(data, '$.campaign') <> '';
    DROP INDEX post_campaign;
    CREATE INDEX post_campaign ON post (strategy_id, campaign) WHERE campaign <> '';
    PRAGMA writable_schema = ON;
    UPDATE sqlite_schema SET sql = replace(sql, 'data TEXT NOT NULL CHECK (json_valid(data))', 'data TEXT NOT NULL')
        WHERE type = 'table' AND name = 'post';
    PRAGMA writable_schema = RESET;
