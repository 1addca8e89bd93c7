"""LLM backend of the proposer: any OpenAI-compatible endpoint through instructor."""

from assistant.propose.llm.backend import LLMStats, refine_with_llm

__all__ = ["LLMStats", "refine_with_llm"]
