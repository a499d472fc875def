-- Records: the award catalogue, evaluations, initiatives and their authors, disciplines and awards
-- (DOMAIN.md, "Entities"). Dates are 'YYYY-MM-DD' text, years integers, instants ms since the epoch.
-- The eligibility scan reads these by person and by year: see the indexes named *_person and *_year.

-- The award catalogue (danh hiệu, hình thức khen thưởng). `subjects` lists who may receive it
-- ("person,unit,household"); `period_years` is the achievement period assumed when a record gives only
-- its last year (a provincial emulation fighter is awarded for three years: 2019–2021 for the 2021 award).
CREATE TABLE award_types (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  subjects      TEXT NOT NULL,
  decided_by    TEXT NOT NULL DEFAULT '',
  sort_order    INTEGER NOT NULL DEFAULT 0,
  period_years  INTEGER NOT NULL DEFAULT 1 CHECK (period_years BETWEEN 1 AND 10),
  builtin       INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
);
INSERT INTO award_types (code, name, subjects, decided_by, sort_order, period_years, builtin) VALUES
  ('LDTT', 'Lao động tiên tiến', 'person', 'Thủ trưởng đơn vị / Chủ tịch UBND xã', 10, 1, 1),
  ('CSTDCS', 'Chiến sĩ thi đua cơ sở', 'person', 'Thủ trưởng đơn vị', 20, 1, 1),
  ('CSTD_TINH', 'Chiến sĩ thi đua cấp tỉnh', 'person', 'Chủ tịch UBND tỉnh', 30, 3, 1),
  ('CSTD_TQ', 'Chiến sĩ thi đua toàn quốc', 'person', 'Thủ tướng Chính phủ (tỉnh đề nghị)', 40, 6, 1),
  ('TTLDTT', 'Tập thể lao động tiên tiến', 'unit', 'Thủ trưởng đơn vị / Chủ tịch UBND xã', 50, 1, 1),
  ('TTLDXS', 'Tập thể lao động xuất sắc', 'unit', 'Chủ tịch UBND tỉnh', 60, 1, 1),
  ('CO_TINH', 'Cờ thi đua của UBND tỉnh', 'unit', 'Chủ tịch UBND tỉnh', 70, 1, 1),
  ('CO_CP', 'Cờ thi đua của Chính phủ', 'unit', 'Thủ tướng Chính phủ (tỉnh đề nghị)', 80, 1, 1),
  ('GK', 'Giấy khen', 'person,unit,household', 'Thủ trưởng đơn vị / Chủ tịch UBND xã', 90, 1, 1),
  ('BK_TINH', 'Bằng khen của Chủ tịch UBND tỉnh', 'person,unit,household', 'Chủ tịch UBND tỉnh', 100, 1, 1),
  ('BK_TTG', 'Bằng khen của Thủ tướng Chính phủ', 'person,unit', 'Thủ tướng Chính phủ (tỉnh đề nghị)', 110, 1, 1),
  ('HCLD3', 'Huân chương Lao động hạng Ba', 'person,unit', 'Chủ tịch nước (tỉnh đề nghị)', 120, 1, 1),
  ('HCLD2', 'Huân chương Lao động hạng Nhì', 'person,unit', 'Chủ tịch nước (tỉnh đề nghị)', 130, 1, 1),
  ('HCLD1', 'Huân chương Lao động hạng Nhất', 'person,unit', 'Chủ tịch nước (tỉnh đề nghị)', 140, 1, 1);

-- Xếp loại: one rating per person or unit per year.
CREATE TABLE evaluations (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER REFERENCES people(id),
  unit_id     INTEGER REFERENCES units(id),
  year        INTEGER NOT NULL,
  rating      TEXT NOT NULL CHECK (rating IN ('HTXS', 'HTT', 'HT', 'KHT')),
  updated_at  INTEGER NOT NULL,
  CHECK ((person_id IS NULL) <> (unit_id IS NULL))
);
CREATE UNIQUE INDEX evaluations_person ON evaluations(person_id, year) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX evaluations_unit ON evaluations(unit_id, year) WHERE unit_id IS NOT NULL;
CREATE INDEX evaluations_year ON evaluations(year, person_id);

-- Sáng kiến and research works, recognised at a scope on a date; authors in order.
CREATE TABLE initiatives (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  scope          TEXT NOT NULL CHECK (scope IN ('CO_SO', 'TINH', 'TOAN_QUOC')),
  recognized_on  TEXT NOT NULL,
  recognized_by  TEXT NOT NULL DEFAULT '',
  search_key     TEXT NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX initiatives_year ON initiatives(recognized_on);

CREATE TABLE initiative_authors (
  initiative_id  INTEGER NOT NULL REFERENCES initiatives(id),
  person_id      INTEGER NOT NULL REFERENCES people(id),
  position       INTEGER NOT NULL,
  PRIMARY KEY (initiative_id, person_id)
);
CREATE INDEX initiative_authors_person ON initiative_authors(person_id);

-- Kỷ luật, and pending reviews, investigations or complaints (pending = 1: a hold on commendation).
-- One record per person and start date; level is '' while a pending review has not set one.
CREATE TABLE disciplines (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  level       TEXT NOT NULL CHECK (level IN ('', 'KHIEN_TRACH', 'CANH_CAO', 'HA_BAC_LUONG', 'GIANG_CHUC',
                                             'CACH_CHUC', 'BAI_NHIEM', 'BUOC_THOI_VIEC')),
  from_date   TEXT NOT NULL,
  to_date     TEXT,
  pending     INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
  updated_at  INTEGER NOT NULL,
  CHECK (to_date IS NULL OR to_date >= from_date),
  UNIQUE (person_id, from_date)
);

-- Khen thưởng đã trao. unit_id/unit_name: for a person, the unit they belonged to on the decision date
-- and its name then; for a unit, the unit itself; for a household (a name only), its locality if known.
-- Both are stored when the award is recorded and never follow later renames.
CREATE TABLE awards (
  id              INTEGER PRIMARY KEY,
  subject_type    TEXT NOT NULL CHECK (subject_type IN ('person', 'unit', 'household')),
  person_id       INTEGER REFERENCES people(id),
  household_name  TEXT,
  unit_id         INTEGER REFERENCES units(id),
  unit_name       TEXT NOT NULL DEFAULT '',
  award_code      TEXT NOT NULL REFERENCES award_types(code),
  period_from     INTEGER NOT NULL,
  period_to       INTEGER NOT NULL,
  method          TEXT NOT NULL CHECK (method IN ('THUONG_XUYEN', 'CHUYEN_DE', 'DOT_XUAT', 'CONG_HIEN',
                                                  'NIEN_HAN', 'DOI_NGOAI')),
  decision_no     TEXT NOT NULL,
  decision_date   TEXT NOT NULL,
  issuer          TEXT NOT NULL,
  signer          TEXT NOT NULL DEFAULT '',
  bonus_amount    INTEGER,
  revoked         INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
  revoke_reason   TEXT NOT NULL DEFAULT '',
  search_key      TEXT NOT NULL,
  updated_at      INTEGER NOT NULL,
  CHECK (period_to >= period_from),
  CHECK ((subject_type = 'person') = (person_id IS NOT NULL)),
  CHECK ((subject_type = 'household') = (household_name IS NOT NULL)),
  CHECK (subject_type <> 'unit' OR unit_id IS NOT NULL)
);
-- One award per subject, award and (last) year: a second one is a duplicate (409, or an import error).
CREATE UNIQUE INDEX awards_person ON awards(person_id, award_code, period_to) WHERE subject_type = 'person';
CREATE UNIQUE INDEX awards_unit_subject ON awards(unit_id, award_code, period_to) WHERE subject_type = 'unit';
CREATE UNIQUE INDEX awards_household ON awards(household_name, award_code, period_to) WHERE subject_type = 'household';
CREATE INDEX awards_unit ON awards(unit_id, period_to);
CREATE INDEX awards_year ON awards(period_to, award_code);
