"""One message in both languages: the unit of the message catalogue."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    """One message in both languages."""

    sv: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv
