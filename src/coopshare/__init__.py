"""CoopShare: peer-to-peer sharing of leads, notes and ideas for cooperatives."""

__version__ = "0.1.0"
__all__ = ["__version__"]
