"""Turn raw YAML and front matter into the immutable model, checking every field.

Every problem is recorded with its file, line and field, and what to write instead; the
build reports them all at once rather than stopping at the first.
"""

from __future__ import annotations

from datetime import datetime

from rusgen.errors import Problems
from rusgen.memo import Memo
from rusgen.model import Region, Site
from rusgen.raw import CONFIG_FILE, RawProject
from rusgen.schema.region import Silenced, read_network, read_region


def build_site(
    raw: RawProject, problems: Problems, build_time: datetime, drafts: bool = False,
    cache: Memo | None = None,
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
    check_folders(raw, regions, problems)
    return Site(network=network, regions=regions, build_time=build_time, drafts=drafts)


def check_folders(raw: RawProject, regions: tuple[Region, ...], problems: Problems) -> None:
    """Refuse two regions whose addresses give one folder in the output, or one inside
    the other: their pages would be written over each other."""
    seen: dict[str, str] = {}
    for raw_region, region in zip(raw.regions, regions, strict=True):
        if not region.base_url:
            continue
        folder = region.output_folder
        for other_folder, other in seen.items():
            if folder == other_folder or folder.startswith(other_folder + "/") or (
                other_folder.startswith(folder + "/")
            ):
                settings = raw_region.settings
                line = settings.line_of("base_url") if settings is not None else 0
                problems.say(
                    f"content/{region.id}/region.yaml", line, "base_url", "region.same_folder",
                    folder=folder, taken=other_folder, other=f"content/{other}/region.yaml",
                )
                break
        else:
            seen[folder] = region.id


def raw_has(raw: RawProject, region_id: str) -> bool:
    """Say whether content/ holds a region folder, also when --region left it out."""
    return (raw.root / "content" / region_id / "region.yaml").is_file()

