-- Schema 2: invitations this device issued, and peers it knows.
-- Both hold only ciphertext under the master key (secrets, addresses).
CREATE TABLE invites (
    token_id BLOB PRIMARY KEY,
    sealed   BLOB NOT NULL,       -- AEAD(master, msgpack invitation)
    used     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE peers (
    peer_key BLOB PRIMARY KEY,    -- HMAC(master, address): lookup without plaintext
    sealed   BLOB NOT NULL        -- AEAD(master, msgpack {addr, device, last_seen, how})
);
