"""The hash that every cache key of rusgen is made with."""

from __future__ import annotations

import hashlib


def hash_text(*parts: str) -> str:
    """Hash a sequence of strings so that no two sequences collide by concatenation.

    Each part goes in with its length in front. (Encoding the parts as one JSON list did
    the same at eight times the cost: every page's text is hashed in every build.)
    """
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()
