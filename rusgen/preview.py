"""Glue between the build and the preview server: a rebuild that never raises.

The server imports nothing of rusgen; this module turns a build into the server's
Snapshot, and every failure into Problems it can show in the browser.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from rusgen.build import BuildOptions, render_site
from rusgen.errors import ContentError, ContentErrors, RusgenError
from rusgen.loader import CONFIG_FILE, CONTENT_DIR
from rusgen.model import Output
from rusgen.render import THEMES_DIR
from rusgen.server import Problem, Snapshot, SourceFile

# "themes/default/templates/page.html:12: template error: ..." -> file, line, message
_WHERE = re.compile(r"(?P<file>[^\s:][^:\n]*):(?P<line>\d+): (?P<message>.*)", re.DOTALL)


class UsedCache(dict):
    """The build cache, forgetting after each good build what that build did not use.

    Without it every save would leave its old Markdown and YAML behind for as long as the
    preview runs.
    """

    def __init__(self) -> None:
        super().__init__()
        self.used: set = set()

    def start_run(self) -> None:
        self.used = set()

    def forget_unused(self) -> None:
        for key in self.keys() - self.used:
            del self[key]

    def get(self, key, default=None):  # type: ignore[no-untyped-def, override]
        self.used.add(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.used.add(key)
        return super().__contains__(key)

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        self.used.add(key)
        super().__setitem__(key, value)


class SiteRebuilder:
    """Render the whole site in memory, keeping the Markdown and template caches between runs."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.cache = UsedCache()
        root = options.source.resolve()
        # Documents are served from disk: only from here, so a symlink out is never followed.
        self.roots = (root / CONTENT_DIR, root / THEMES_DIR)

    def __call__(self) -> Snapshot:
        """Return every file of the site, or the problems that stopped the build."""
        self.cache.start_run()
        try:
            result = render_site(self.options, self.cache)
        except ContentErrors as exc:
            return Snapshot(files=None, problems=tuple(_from_content_error(e) for e in exc.errors))
        except RusgenError as exc:
            return Snapshot(files=None, problems=(_from_message(str(exc)),))
        except Exception as exc:  # noqa: BLE001 - a bug in rusgen must not stop the preview
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            text = f"{frame.filename}:{frame.lineno}: unexpected error (a bug in rusgen): {exc!r}"
            return Snapshot(files=None, problems=(_from_message(text),))
        self.cache.forget_unused()
        files, skipped = self._files(result.outputs)
        warnings = tuple(str(w) for w in result.warnings) + skipped
        return Snapshot(files=files, warnings=warnings)

    def watched(self) -> tuple[list[Path], list[Path]]:
        """Return the folders and single files whose changes call for a rebuild."""
        root = self.options.source
        return [root / CONTENT_DIR, root / THEMES_DIR], [root / CONFIG_FILE]

    def _files(self, outputs: list[Output]) -> tuple[dict[str, bytes | SourceFile], tuple[str, ...]]:
        files: dict[str, bytes | SourceFile] = {}
        skipped: list[str] = []
        for output in outputs:
            if not output.source:
                files[output.path] = output.data
                continue
            real = Path(output.source).resolve()
            if not any(real.is_relative_to(top) for top in self.roots):
                skipped.append(f"{output.source}: leads outside the project; the preview leaves it out")
                continue
            stat = real.stat()
            files[output.path] = SourceFile(real, (stat.st_mtime_ns, stat.st_size))
        return files, tuple(skipped)


def _from_content_error(error: ContentError) -> Problem:
    message = f"{error.field}: {error.message}" if error.field else error.message
    return Problem(file=error.path, line=error.line, message=message, text=str(error))


def _from_message(text: str) -> Problem:
    match = _WHERE.fullmatch(text)
    if match is None:
        return Problem(file="", line=0, message=text, text=text)
    return Problem(match["file"], int(match["line"]), match["message"], text)
