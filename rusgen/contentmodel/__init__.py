"""The content model: every file kind a user writes, described once, as data.

Validation (rusgen/fields.py reads a field by its description), the field reference in
docs/content.md, the JSON Schema of `rusgen schema KIND` and the editor's configuration are
all made from these descriptions. A new field is one entry here.
"""

from __future__ import annotations

from rusgen.contentmodel.contacts import CONTACTS
from rusgen.contentmodel.network import NETWORK
from rusgen.contentmodel.pages import EVENT, NEWS, PAGE
from rusgen.contentmodel.region import REGION
from rusgen.contentmodel.spec import Field, Kind

__all__ = ["CONTACTS", "EVENT", "NETWORK", "NEWS", "PAGE", "REGION", "Field", "Kind", "kinds"]


def kinds() -> dict[str, Kind]:
    """Return every kind of file by its id."""
    return {k.id: k for k in (NETWORK, REGION, CONTACTS, PAGE, EVENT, NEWS)}
