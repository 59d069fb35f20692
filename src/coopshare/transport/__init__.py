"""asyncio edge: TLS 1.3 contexts, the knock before TLS, framed connections. Bytes only."""
