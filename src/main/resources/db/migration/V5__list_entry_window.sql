-- An optional time window per curated list entry: the entry is shown from starts_at (inclusive)
-- until ends_at (exclusive); NULL means no limit on that side. Plain SQL for H2 2.x and PostgreSQL 15+.

ALTER TABLE curated_list_entry ADD COLUMN starts_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE curated_list_entry ADD COLUMN ends_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE curated_list_entry ADD CONSTRAINT curated_list_entry_window_ck
    CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at);
