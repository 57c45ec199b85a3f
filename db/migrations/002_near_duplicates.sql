-- Near-duplicate detection: each article's MinHash signature and its LSH band keys for candidate lookup.
ALTER TABLE articles ADD COLUMN minhash BLOB;

CREATE TABLE article_bands (
  band       TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_bands_by_article ON article_bands (article_id);
