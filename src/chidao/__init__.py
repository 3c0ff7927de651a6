"""chidao: follow up the tasks that Vietnamese government conclusion notices assign."""

from chidao.extract import extract_text

__all__ = ["__version__", "extract_text"]
__version__ = "0.1.0"
