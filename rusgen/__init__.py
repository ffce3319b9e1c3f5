"""rusgen: a static site generator for the strategy microsites of Swedish regions."""

__version__ = "0.1.0"
