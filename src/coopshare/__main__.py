"""`python -m coopshare` is the same as the `coopshare` command."""

from coopshare.cli.main import main

raise SystemExit(main())
