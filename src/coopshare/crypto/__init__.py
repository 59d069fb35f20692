"""Pure functions over bytes: signatures, AEAD, HPKE, key derivation, item envelopes."""
