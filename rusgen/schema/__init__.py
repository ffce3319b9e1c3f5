"""Turn raw YAML and front matter into the immutable model, checking every field.

Every problem is recorded with its file, line and field, and what to write instead; the
build reports them all at once rather than stopping at the first.
"""

from __future__ import annotations

from datetime import datetime

from rusgen.errors import Problems
from rusgen.model import Site
from rusgen.raw import CONFIG_FILE, RawProject
from rusgen.schema.region import Silenced, read_network, read_region


def build_site(
    raw: RawProject, problems: Problems, build_time: datetime, drafts: bool = False,
    cache: dict | None = None,
) -> Site:
    """Validate the whole project into a Site; errors go to `problems`.

    `cache` keeps each validated page by its text and its region's facts between runs of
    the preview, so a save validates the saved page, not all of them.
    """
    cache = {} if cache is None else cache
    # A rusgen.yaml the loader could not read is reported once, not again as "name: required".
    unreadable = any(e.path == CONFIG_FILE for e in problems.errors)
    network = read_network(raw.config, Silenced(problems, CONFIG_FILE) if unreadable else problems)
    regions = tuple(read_region(r, network, problems, drafts, cache, build_time) for r in raw.regions)
    for region in regions:
        if region.parent and region.parent not in {r.id for r in regions} and not raw_has(
            raw, region.parent
        ):
            problems.say(
                f"content/{region.id}/region.yaml", 0, "parent", "region.no_parent", parent=region.parent
            )
    return Site(network=network, regions=regions, build_time=build_time, drafts=drafts)


def raw_has(raw: RawProject, region_id: str) -> bool:
    """Say whether content/ holds a region folder, also when --region left it out."""
    return (raw.root / "content" / region_id / "region.yaml").is_file()

