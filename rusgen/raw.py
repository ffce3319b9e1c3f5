"""What the loader hands the schema: files as read, not yet validated.

Its own module so that the schema depends on the shape of raw input, not on the code that
reads the disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rusgen.yamlfile import YamlMap

CONFIG_FILE = "rusgen.yaml"
CONTENT_DIR = "content"
THEMES_DIR = "themes"
# In each region folder: every address the region has published, written by the build.
LEDGER_FILE = "published-addresses.txt"


@dataclass
class RawFile:
    """A file copied as it is: a document or an image."""

    rel: str  # path within the region folder, with forward slashes
    path: Path
    size: int


@dataclass
class RawPage:
    """A Markdown source split into front matter and body, not yet validated."""

    display: str  # the path shown in messages, e.g. content/vasterbotten/index.md
    rel: str
    front: YamlMap
    body: str
    body_line: int
    text: str = ""  # the whole file as read: what the preview keys its validated Page by


@dataclass
class RawRegion:
    id: str
    folder: Path
    display: str
    settings: YamlMap | None
    contacts: YamlMap | None
    pages: list[RawPage] = field(default_factory=list)
    files: list[RawFile] = field(default_factory=list)
    # The lines of its ledger (LEDGER_FILE) as (text, line), comments left out; None when
    # the region has none yet.
    published: tuple[tuple[str, int], ...] | None = None


@dataclass
class RawProject:
    root: Path
    config: YamlMap
    regions: list[RawRegion]
