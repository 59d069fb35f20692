-- Schema 3: who asked for each purge and who released each data key (docs/security.md §4).
--  * a purge of an op this device does not hold yet waits in `purge_requests`; when the op
--    arrives, its body is dropped only if a purger wrote it or is an admin then;
--  * only item ops are ever purged: a roster op is never stored without its body;
--  * a grant is used only if the member who released it wrote the target op.
CREATE TABLE purge_requests (
    target BLOB NOT NULL,         -- op id whose body a purge op asks to drop
    purger BLOB NOT NULL,         -- member id of the purge op's author
    PRIMARY KEY (target, purger)
);

ALTER TABLE purged ADD COLUMN purger BLOB;  -- member id; NULL in rows from before schema 3

-- Rows recorded before schema 3 without any check (target not stored) or for non-item ops.
DELETE FROM purged WHERE op_id NOT IN (SELECT op_id FROM ops WHERE kind = 'item');
-- A purged roster op made the data folder fail to open. Drop the bodiless copy so that a peer
-- can deliver the op again (it leaves a gap in that device's log, which sync fills).
DELETE FROM ops WHERE body IS NULL AND kind NOT IN ('item', 'key_release', 'purge');

-- Grants gain their releaser. Grants from before schema 3 were never checked: they are
-- dropped (item rows already folded with them keep what they show).
DROP TABLE grants;
CREATE TABLE grants (
    op_id    BLOB NOT NULL,
    part     INTEGER NOT NULL,
    releaser BLOB NOT NULL,       -- member id of the key_release op's author
    key      BLOB NOT NULL,       -- AEAD(master key, data key)
    PRIMARY KEY (op_id, part, releaser)
);
