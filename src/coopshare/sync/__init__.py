"""The sync engine: drives a sans-IO SyncSession over a framed connection."""
