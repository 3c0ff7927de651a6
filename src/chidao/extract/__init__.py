"""Extract layer: tasks, agencies, deadlines and recurrence from a notice's text (no database)."""

from chidao.extract.pipeline import Extraction, extract, extract_text

__all__ = ["Extraction", "extract", "extract_text"]
