"""Member and device keys, device certificates, and the passphrase-protected keystore."""
