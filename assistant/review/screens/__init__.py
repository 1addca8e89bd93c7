"""The review app's screens and modal dialogs."""
