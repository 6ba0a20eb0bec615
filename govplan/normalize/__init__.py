"""Normalisation: Traditional→Simplified (OpenCC), width folding, dash and whitespace cleanup,
with an offset map from every normalised character back to the original text."""

from govplan.normalize.mapped import MappedText
from govplan.normalize.pipeline import Normalized, normalize

__all__ = ["MappedText", "Normalized", "normalize"]
