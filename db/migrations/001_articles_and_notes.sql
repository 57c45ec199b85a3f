-- The first schema: articles, one Markdown note per article, and the change log the search index catches up from.
CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  content_hash  TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  byline        TEXT,
  outlet        TEXT,
  published_at  TEXT,
  imported_at   TEXT NOT NULL,
  language      TEXT NOT NULL,
  format        TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  text          TEXT NOT NULL,
  sections      TEXT NOT NULL DEFAULT '[]',
  cited_outlets TEXT NOT NULL DEFAULT '[]',
  links         TEXT NOT NULL DEFAULT '[]',
  word_count    INTEGER NOT NULL
) STRICT;

CREATE INDEX articles_by_date ON articles (coalesce(published_at, imported_at));

CREATE TABLE notes (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  body       TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Every change that affects an article's search document, written in the same transaction as the change.
CREATE TABLE article_changes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('upsert', 'delete'))
) STRICT;
