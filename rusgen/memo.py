"""The memory of work done in one run, which the preview keeps between rebuilds.

One dict, shared by the loader (files read and YAML parsed), the schema (validated pages),
the theme (compiled templates, UI strings) and the network index. Each user keys its
entries by a tuple whose first item names the kind, ("file", path, ...), ("yaml", ...),
("page", ...), ("jinja", ...), ("strings", ...), so they cannot collide. A value is never
changed after it is stored. The preview forgets what a good build did not use
(site_pieces.UsedCache), so a long session does not grow.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, TypeAlias

Memo: TypeAlias = dict[tuple[Hashable, ...], Any]
