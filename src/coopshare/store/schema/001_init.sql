-- CoopShare store, schema 1.
-- Invariants:
--  * ops.header and ops.sig are the exact bytes received; they are never re-encoded.
--  * ops.body is ciphertext (item parts) or roster data without names; NULL once purged.
--  * items.state and grants.key are AEAD-encrypted under the keystore's master key:
--    nothing in this file is readable without the passphrase (docs/security.md).
--  * two ops may share (device, seq): that is equivocation, recorded in `equivocations`.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE TABLE ops (
    n      INTEGER PRIMARY KEY,          -- arrival order
    op_id  BLOB NOT NULL UNIQUE,
    device BLOB NOT NULL,
    seq    INTEGER NOT NULL,
    hlc    INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    epoch  BLOB NOT NULL,                -- epoch id from the header (refold when its key arrives)
    header BLOB NOT NULL,
    sig    BLOB NOT NULL,
    body   BLOB
);
CREATE INDEX ops_by_log ON ops (device, seq);
CREATE INDEX ops_by_epoch ON ops (epoch, kind);

CREATE TABLE equivocations (
    device BLOB NOT NULL,
    seq    INTEGER NOT NULL,
    op_a   BLOB NOT NULL,
    op_b   BLOB NOT NULL,
    PRIMARY KEY (device, seq, op_a, op_b)
);

CREATE TABLE quarantine (
    op_id  BLOB PRIMARY KEY,
    wire   BLOB NOT NULL,
    reason TEXT NOT NULL,
    added  INTEGER NOT NULL
);

CREATE TABLE items (
    item_id BLOB PRIMARY KEY,
    kind    TEXT NOT NULL,
    updated INTEGER NOT NULL,
    state   BLOB NOT NULL
);

CREATE TABLE item_ops (
    op_id   BLOB PRIMARY KEY,
    item_id BLOB NOT NULL
);
CREATE INDEX item_ops_by_item ON item_ops (item_id);

CREATE TABLE grants (
    op_id BLOB NOT NULL,
    part  INTEGER NOT NULL,
    key   BLOB NOT NULL,
    PRIMARY KEY (op_id, part)
);

-- ops whose payload a purge op removed; a purged op that arrives later is stored without body
CREATE TABLE purged (
    op_id BLOB PRIMARY KEY
);
