-- Schema 5: ops that are signed and authorised but whose content could not be decoded or
-- applied (service/quarantine.py). The op itself stays in `ops` exactly as received, so it is
-- relayed like any other; this row only says that it was skipped here and why. `reason` names
-- the error type and the field, never content.
CREATE TABLE bad_ops (
    op_id  BLOB PRIMARY KEY,
    reason TEXT NOT NULL,
    added  INTEGER NOT NULL       -- unix seconds when it was first skipped
) WITHOUT ROWID;
