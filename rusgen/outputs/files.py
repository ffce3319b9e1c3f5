"""Documents, images and theme assets, copied as they are."""

from __future__ import annotations

from collections.abc import Iterator

from rusgen.model import Output, Region
from rusgen.render import Theme


def region_files(region: Region, theme: Theme, assets: dict[str, str]) -> Iterator[Output]:
    """Yield the region's own files and its theme's static files under their published names."""
    for file in region.files:
        yield Output(f"{region.output_folder}/{file.url}", source=file.source)
    for rel, path in theme.static_files().items():
        yield Output(f"{region.output_folder}/{assets[rel]}", source=str(path))
