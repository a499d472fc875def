-- The foundation: units and their lineage, people and memberships, users and sessions,
-- sign-in throttling and the hash-chained audit log. Dates are 'YYYY-MM-DD' text; instants
-- are milliseconds since the Unix epoch.

CREATE TABLE units (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  parent_id   INTEGER REFERENCES units(id),
  kind        TEXT NOT NULL,
  field       TEXT NOT NULL DEFAULT '',
  valid_from  TEXT,
  valid_to    TEXT,
  search_key  TEXT NOT NULL,
  sort_key    TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_sort ON units(sort_key);

CREATE TABLE unit_events (
  id               INTEGER PRIMARY KEY,
  unit_id          INTEGER NOT NULL REFERENCES units(id),
  kind             TEXT NOT NULL CHECK (kind IN ('renamed', 'merged_into', 'split_from', 'dissolved')),
  event_date       TEXT NOT NULL,
  legal_act        TEXT NOT NULL,
  related_unit_id  INTEGER REFERENCES units(id),
  note             TEXT NOT NULL DEFAULT '',
  UNIQUE (unit_id, kind, event_date)
);
CREATE INDEX unit_events_related ON unit_events(related_unit_id);

CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  full_name     TEXT NOT NULL,
  gender        TEXT NOT NULL CHECK (gender IN ('nam', 'nu', 'khac')),
  birth_date    TEXT,
  position      TEXT NOT NULL DEFAULT '',
  recruited_on  TEXT,
  search_key    TEXT NOT NULL,
  sort_key      TEXT NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX people_sort ON people(sort_key);

-- Word-prefix search over people's folded names and codes (see domain::SearchKey).
CREATE VIRTUAL TABLE people_fts USING fts5(search_key, content='people', content_rowid='id',
                                           tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
  INSERT INTO people_fts(people_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF search_key ON people BEGIN
  INSERT INTO people_fts(people_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO people_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE TABLE memberships (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES people(id),
  unit_id    INTEGER NOT NULL REFERENCES units(id),
  from_date  TEXT NOT NULL,
  to_date    TEXT,
  CHECK (to_date IS NULL OR to_date >= from_date),
  UNIQUE (person_id, unit_id, from_date)
);
CREATE INDEX memberships_unit ON memberships(unit_id, to_date);

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('admin', 'office', 'office_lead', 'council', 'unit_officer',
                                               'unit_head', 'editor')),
  unit_id        INTEGER REFERENCES units(id),
  password_hash  TEXT NOT NULL,
  active         INTEGER NOT NULL DEFAULT 1,
  created_at     INTEGER NOT NULL
);

CREATE TABLE sessions (
  id_hash     TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  id        INTEGER PRIMARY KEY,
  key       TEXT NOT NULL,
  at        INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  before     TEXT,
  after      TEXT,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

-- The head of the audit chain: the number of rows and the hash of the last. Appending locks this
-- row first, which serialises appenders on PostgreSQL and lets verify-audit notice a deleted tail.
CREATE TABLE audit_head (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  seq        INTEGER NOT NULL,
  last_hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, last_hash) VALUES (1, 0, '');
