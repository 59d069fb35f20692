"""Local-network discovery with DNS-SD / mDNS (python-zeroconf): the only zeroconf importer."""
