-- Saved searches and their alerts: a query the journalist keeps, and the articles later imports matched.
CREATE TABLE saved_searches (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  query          TEXT NOT NULL,
  strict_umlauts INTEGER NOT NULL DEFAULT 0 CHECK (strict_umlauts IN (0, 1)),
  created_at     TEXT NOT NULL,
  -- When the journalist last looked at the matches (marked them seen); NULL until then.
  seen_at        TEXT
) STRICT;

-- Matches found in imports after the search was saved; seen = 0 until the journalist marks them seen.
CREATE TABLE saved_search_matches (
  search_id  INTEGER NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  found_at   TEXT NOT NULL,
  seen       INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1)),
  PRIMARY KEY (search_id, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX saved_search_matches_by_article ON saved_search_matches (article_id);
