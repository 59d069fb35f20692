"""The `coopshare` command line (DESIGN.md §4): argparse over the service layer."""
