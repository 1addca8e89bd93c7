"""``python -m assistant``: the same command line as ``hlmap``."""

from assistant.cli import main

main()
