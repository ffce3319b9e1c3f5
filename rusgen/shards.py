"""Share the regions of a network among N builds (`rusgen build --shard I/N`).

A CI service runs the shards as parallel jobs on separate machines; their output folders
copied together are the full build, byte for byte. Every shard reads and validates the
whole network (so each job fails on any content error) and writes the network index,
which is the same in every shard; each renders only its own regions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rusgen.errors import RusgenError
from rusgen.model import Region

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    """The I-th of N shares of the regions, counted from 1."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """Read "2/4"; anything else is a message saying how to write it."""
        match = _SHARD.match(text)
        if match is None:
            raise RusgenError("cli.shard_format", got=text)
        index, count = int(match[1]), int(match[2])
        if not 1 <= index <= count:
            raise RusgenError("cli.shard_range", got=text, count=count)
        return cls(index, count)

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def regions_of_shard(regions: tuple[Region, ...], shard: Shard) -> tuple[Region, ...]:
    """Return the regions the shard builds, in the site's order.

    Balanced by page count, the cost of a region's build: the largest region goes first to
    the shard with the fewest pages so far (the lowest-numbered on a tie). The share
    depends only on the regions and their pages, so every shard computes the same one.
    """
    loads = [0] * shard.count
    owner: dict[str, int] = {}
    for region in sorted(regions, key=lambda r: (-weight(r), r.id)):
        lightest = min(range(shard.count), key=lambda i: (loads[i], i))
        owner[region.id] = lightest
        loads[lightest] += weight(region)
    return tuple(r for r in regions if owner[r.id] == shard.index - 1)


def weight(region: Region) -> int:
    """Return what a region's build costs, roughly: its pages, plus its generated ones."""
    return len(region.pages) + 1
