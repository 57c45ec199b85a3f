-- Markdown notes on a theme (keyed by its stable theme id) and on a briefing (keyed by the briefing's calendar
-- day, YYYY-MM-DD). A theme note keeps the label the theme had when last saved, so it is still listed and exported
-- (under that label) after its theme is gone. Article notes stay in `notes`.
CREATE TABLE target_notes (
  target_kind TEXT NOT NULL CHECK (target_kind IN ('theme', 'briefing')),
  target_key  TEXT NOT NULL CHECK (length(target_key) BETWEEN 1 AND 100),
  label       TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (target_kind, target_key)
) STRICT;

CREATE INDEX target_notes_by_date ON target_notes (updated_at);
