"""SQLite store (the only package that imports sqlite3) and the in-memory search index."""
