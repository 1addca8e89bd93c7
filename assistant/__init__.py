"""hlmap: profile a source platform's export, propose its HighLevel map, confirm it, apply it."""

__version__ = "0.1.0"
