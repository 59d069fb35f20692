"""Domain types and pure rules: items, roster resolution, clocks. Standard library only."""
