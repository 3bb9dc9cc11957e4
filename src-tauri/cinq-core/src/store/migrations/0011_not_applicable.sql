-- Migration 11: a measurement can be marked not applicable on a network (follower growth on a blog): settled, as one
-- available is (audit.rs). Existing rows say nothing of it.
ALTER TABLE metric_check ADD COLUMN not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1));
