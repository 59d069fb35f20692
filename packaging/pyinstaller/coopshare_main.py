"""The bundle's entry script: the same `coopshare` command (CLI, or the desktop app without a
command). The launcher calls multiprocessing.freeze_support() first, so the bundle's own
executable also serves as the signature-check worker process (sync/checker.py)."""

from coopshare.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
