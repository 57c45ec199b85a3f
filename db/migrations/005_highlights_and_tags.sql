-- Highlights in an article's text (anchored by quote + context + offsets so they survive a changed text) and tags.
CREATE TABLE highlights (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  color      TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink')),
  comment    TEXT NOT NULL DEFAULT '',
  quote      TEXT NOT NULL,
  prefix     TEXT NOT NULL DEFAULT '',
  suffix     TEXT NOT NULL DEFAULT '',
  -- [start_offset, end_offset) UTF-16 offsets into articles.text where the quote was last placed.
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  -- 1 when the quote could not be placed in the current text: kept and listed, never dropped.
  detached   INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX highlights_by_article ON highlights (article_id, start_offset);

-- Tags on a target: an article today; 'theme' and 'briefing' keys leave room for notes on those later.
CREATE TABLE tags (
  target_kind TEXT NOT NULL CHECK (target_kind IN ('article', 'theme', 'briefing')),
  target_key  TEXT NOT NULL,
  tag         TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64),
  PRIMARY KEY (target_kind, target_key, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX tags_by_tag ON tags (tag);
