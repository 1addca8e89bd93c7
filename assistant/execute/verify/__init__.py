"""Read-back verification: every value a migration wrote, read back in pages and compared."""
