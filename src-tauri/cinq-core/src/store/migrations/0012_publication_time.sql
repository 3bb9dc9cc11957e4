-- Migration 12: the time the network gives for a publication (its export's own time, local wall time in the strategy's time
-- zone, `YYYY-MM-DDTHH:MM`), NULL when the export gives the date alone: the best times (best_times.rs) learn
-- from it. An unplanned post made by an earlier import was put at its export's time, or at noon when the file gave
-- the date alone: its time is taken as known unless it is noon.
ALTER TABLE publication ADD COLUMN published_at TEXT;
    UPDATE publication SET published_at = post.scheduled_at FROM post
        WHERE post.id = publication.post_id AND publication.unplanned
          AND post.scheduled_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'
          AND substr(post.scheduled_at, 12) <> '12:00';
