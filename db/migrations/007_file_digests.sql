-- Imported files by their raw bytes (SHA-256 and size), so a file dropped again unchanged is known without parsing it.
-- content_hash is the article's text hash when the file was stored: a row counts only while the article still has
-- it (not replaced by a newer version since). title is the title read from the file (what its outcome reports).
-- readers is the version of the readers that read it: rows of older readers are ignored (the file is read anew).
CREATE TABLE file_digests (
  sha256       TEXT NOT NULL PRIMARY KEY,
  size         INTEGER NOT NULL,
  readers      INTEGER NOT NULL,
  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  title        TEXT NOT NULL
) STRICT;

CREATE INDEX file_digests_by_size ON file_digests (size);
CREATE INDEX file_digests_by_article ON file_digests (article_id);
