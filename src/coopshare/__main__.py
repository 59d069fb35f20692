"""`python -m coopshare` is the same as the `coopshare` command."""

from coopshare.launcher import main

if __name__ == "__main__":  # not when a spawned worker process imports it
    raise SystemExit(main())
