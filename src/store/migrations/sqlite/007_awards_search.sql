-- Word-prefix search over awards' folded keys (subject code and name, decision number), as for people:
-- the awards list's search no longer reads every award with LIKE.
CREATE VIRTUAL TABLE awards_fts USING fts5(search_key, content='awards', content_rowid='id',
                                           tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER awards_fts_insert AFTER INSERT ON awards BEGIN
  INSERT INTO awards_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER awards_fts_delete AFTER DELETE ON awards BEGIN
  INSERT INTO awards_fts(awards_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
CREATE TRIGGER awards_fts_update AFTER UPDATE OF search_key ON awards BEGIN
  INSERT INTO awards_fts(awards_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO awards_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;
INSERT INTO awards_fts(awards_fts) VALUES ('rebuild');
