"""Documents, images and theme assets, copied as they are; the region's icons."""

from __future__ import annotations

from collections.abc import Iterator

from rusgen.model import Output, Region
from rusgen.outputs import brand
from rusgen.render import Theme


def region_files(region: Region, theme: Theme, assets: dict[str, str]) -> Iterator[Output]:
    """Yield the region's own files, its icons and its theme's static files."""
    for file in region.files:
        yield Output(f"{region.output_folder}/{file.url}", source=file.source)
    yield from brand.render(region)
    for rel, path in theme.static_files().items():
        yield Output(f"{region.output_folder}/{assets[rel]}", source=str(path))
