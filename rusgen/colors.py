"""Colour contrast by WCAG 2.1's formula, so the build can refuse unreadable accents."""

from __future__ import annotations

import re

HEX_RE = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
WHITE = "#ffffff"


def parse_hex(color: str) -> tuple[int, int, int] | None:
    """Return the RGB of #rrggbb or #rgb, or None."""
    match = HEX_RE.match(color.strip())
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """Return WCAG's relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str = WHITE) -> float:
    """Return the contrast ratio of two hex colours, from 1 to 21."""
    a, b = parse_hex(first), parse_hex(second)
    if a is None or b is None:
        raise ValueError(f"not a hex colour: {first if a is None else second}")
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
