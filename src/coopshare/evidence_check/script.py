"""Check this CoopShare evidence bundle: ``python verify.py THIS-FILE.zip``.

Needs Python 3 and the `cryptography` package only. The checks are in the folder
``evidence_check/`` next to this file (unpack the whole ZIP). In CoopShare's source this is
``coopshare/evidence_check/script.py``; every bundle carries it as ``verify.py``.
"""

import importlib
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(importlib.import_module("evidence_check.main").main())
