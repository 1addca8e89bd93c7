"""``hlmap status``: where a workspace stands and the next command to run."""
