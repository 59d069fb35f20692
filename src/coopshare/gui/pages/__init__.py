"""One module per main-window page."""
