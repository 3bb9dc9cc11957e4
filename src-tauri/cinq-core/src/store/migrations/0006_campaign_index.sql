-- Migration 6: the calendar screen lists every campaign name of a strategy; an index on the expression answers from the
-- index alone instead of reading every post.
CREATE INDEX post_campaign ON post (strategy_id, json_extract(data, '$.campaign'));
