"""Text layer: bytes on disk → normalized Vietnamese text with offsets back to the source."""

from chidao.text.fold import fold, fold_words, match_key
from chidao.text.normalize import NormalizedText, normalize
from chidao.text.readers import ReadError, read_text

__all__ = ["NormalizedText", "ReadError", "fold", "fold_words", "match_key", "normalize", "read_text"]
