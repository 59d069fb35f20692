"""Sans-IO wire formats: strict msgpack codec, signed op envelope, op payload schemas."""
