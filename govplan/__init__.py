"""govplan: a compiler from Chinese policy notices to task specs and responsibility tables."""

__version__ = "0.1.0"
