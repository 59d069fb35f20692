"""Lab tools multicast with default interfaces: refuse to run outside a test-lab namespace."""

from __future__ import annotations

import os
import re
import subprocess
import sys


def require_lab_namespace() -> None:
    name = subprocess.run(
        ["ip", "netns", "identify", str(os.getpid())], capture_output=True, text=True, check=False
    ).stdout.strip()
    if not re.fullmatch(r"cs[0-9a-f]{6}-h\d+", name):
        sys.exit("refusing to run outside a test-lab network namespace")
