"""Review: the engineer accepts, edits or rejects every proposal of the mapping document.

``session`` is the headless core (decisions, undo, saving, confirm); ``app`` is the Textual UI
on top of it. Nothing here calls the executor or an LLM: review only edits the document.
"""
