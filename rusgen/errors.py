"""Errors that reach the user: each says where it happened and what to write instead."""

from __future__ import annotations

from dataclasses import dataclass


class RusgenError(Exception):
    """An error the CLI prints as a message, never as a traceback."""


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file: `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class ContentErrors(RusgenError):
    """Every content error of one build, reported together."""

    def __init__(self, errors: list[ContentError], warnings: list[ContentError] = ()) -> None:
        self.errors = sorted(errors)
        self.warnings = sorted(warnings)
        super().__init__("\n".join(str(e) for e in self.errors))


class Problems:
    """Collects errors and warnings while a stage runs, so a build reports them all at once."""

    def __init__(self) -> None:
        self.items: list[ContentError] = []

    def error(self, path: str, line: int, field: str, message: str) -> None:
        """Record an error that stops the build."""
        self.items.append(ContentError(path, line, field, message))

    def warn(self, path: str, line: int, field: str, message: str) -> None:
        """Record a warning that the build reports but survives."""
        self.items.append(ContentError(path, line, field, message, warning=True))

    @property
    def errors(self) -> list[ContentError]:
        return sorted(e for e in self.items if not e.warning)

    @property
    def warnings(self) -> list[ContentError]:
        return sorted(e for e in self.items if e.warning)

    def raise_if_errors(self) -> None:
        """Stop the pipeline when any error was recorded."""
        if self.errors:
            raise ContentErrors(self.errors, self.warnings)
