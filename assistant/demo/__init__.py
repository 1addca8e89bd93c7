"""``hlmap demo``: the whole migration on built-in data, against the local HighLevel stand-in."""
