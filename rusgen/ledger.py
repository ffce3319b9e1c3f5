"""Write each region's address ledger: content/REGION/published-addresses.txt.

Only a successful real build writes it (never `check`, the preview or --as-of), and only
ever adds: an address leaves the ledger when a person removes its line. The file is
replaced in one step, so a build killed while writing leaves the old one whole.
"""

from __future__ import annotations

import os
from pathlib import Path

from rusgen.messages import say
from rusgen.raw import CONTENT_DIR, LEDGER_FILE


def ledger_text(addresses: set[str] | frozenset[str], lang: str) -> str:
    """Return the ledger's text: a header saying what it is, then one address a line, sorted."""
    lines = [say("ledger.header", lang), *(f"/{address}" for address in sorted(addresses))]
    return "\n".join(lines) + "\n"


def update_ledgers(
    root: Path, published: dict[str, frozenset[str]], kept: dict[str, tuple[str, ...] | None],
    lang: str,
) -> bool:
    """Add this build's addresses to each region's ledger; return whether any file changed.

    `published`: by region id, what this build published; `kept`: what each ledger held
    when the build read it (None: there was none).
    """
    changed = False
    for region_id, addresses in sorted(published.items()):
        path = root / CONTENT_DIR / region_id / LEDGER_FILE
        text = ledger_text(set(kept.get(region_id) or ()) | addresses, lang)
        try:
            if path.read_text(encoding="utf-8") == text:
                continue
        except (OSError, UnicodeDecodeError):
            pass  # none yet, or one the loader already said it could not read
        _replace(path, text)
        changed = True
    return changed


def _replace(path: Path, text: str) -> None:
    """Write the file beside itself, then rename it over the old one."""
    temporary = path.with_name(f".{path.name}.rusgen-new-{os.getpid()}")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
