-- Themes: the incremental theme state (term statistics and theme centroids, as JSON), each article's theme,
-- the user's curation decisions (kept forever, re-applied after every recomputation) and a cache of built
-- briefing themes (key points, stories, entities) keyed by their exact member set.
CREATE TABLE theme_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE theme_articles (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  theme_id   TEXT NOT NULL
) STRICT;

CREATE INDEX theme_articles_by_theme ON theme_articles (theme_id);

CREATE TABLE theme_decisions (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  decision TEXT NOT NULL,
  made_at  TEXT NOT NULL
) STRICT;

CREATE TABLE theme_details (
  members_key TEXT PRIMARY KEY,
  theme       TEXT NOT NULL
) STRICT;
