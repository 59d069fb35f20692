"""`python -m coopshare` is the same as the `coopshare` command."""

from coopshare.launcher import main

raise SystemExit(main())
