-- База данных "Е-лицензирование": licences and permits with their kind and
-- subkind of activity, licensor and holder.
CREATE TABLE {licenses} (
    number            TEXT PRIMARY KEY,
    document          TEXT NOT NULL,
    activity_ru       TEXT NOT NULL,
    subactivity_ru    TEXT,
    licensor_ru       TEXT NOT NULL,
    -- legal entity (BIN) or person (IIN)
    holder_id         TEXT NOT NULL,
    holder_kind       TEXT NOT NULL,
    issued_at         DATE NOT NULL,
    status            TEXT NOT NULL,
    status_changed_at DATE,
    region_kato       TEXT NOT NULL
)
-- +statement
CREATE INDEX licenses_holder_id ON {licenses} (holder_id)
