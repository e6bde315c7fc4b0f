-- Issue 10 (the SQLite store's store/schema.py ADDED_COLUMNS and settings table, mirrored):
-- a page's text as last read (kept for a page listed but unreadable later), a section's feed slug
-- assigned once, and what the store keeps for the pass (output root, what it was rendered with).
ALTER TABLE syndicate_pages ADD COLUMN text text;
ALTER TABLE syndicate_sections ADD COLUMN slug text;
CREATE TABLE syndicate_settings (
    title text NOT NULL,
    key text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (title, key)
);
