-- The province's own settings (domain/province_settings.h): one row per key that differs from the
-- shipped default. A missing row means the default.
CREATE TABLE province_settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  BIGINT NOT NULL,
  updated_by  TEXT NOT NULL DEFAULT ''
);
