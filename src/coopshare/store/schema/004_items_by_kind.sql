-- Schema 4: list items of one kind newest first without sorting the whole table.
CREATE INDEX items_by_kind_updated ON items (kind, updated DESC);
