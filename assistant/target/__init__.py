"""HighLevel side: catalog from the official spec, destination state, API client."""
