"""Errors that reach the user: each says where it happened and what to write instead."""

from __future__ import annotations

import errno
from dataclasses import dataclass

from rusgen.messages import DEFAULT_LANGUAGE, catalogue, message_language, say


class RusgenError(Exception):
    """An error the CLI prints as a message, never as a traceback.

    Raised with a message code and its blanks, `RusgenError("cli.no_config", path=...)`,
    so the CLI says it in the project's language. Text that is no code is shown as it is.
    """

    def __init__(self, code: str, /, **blanks: object) -> None:
        super().__init__(code)
        self.code = code
        self.blanks = blanks

    def text(self, lang: str) -> str:
        """Return the message in `lang`; a blank that is itself a RusgenError is said in it too."""
        if self.code not in catalogue():
            return self.code
        blanks = {k: v.text(lang) if isinstance(v, RusgenError) else v for k, v in self.blanks.items()}
        return say(self.code, lang, **blanks)

    def __str__(self) -> str:
        return self.text(message_language())

    @classmethod
    def from_os_error(cls, exc: OSError) -> RusgenError:
        """Say why the system refused a file: a locked file, a full disk, a moved folder."""
        path = exc.filename if exc.filename is not None else ""
        if exc.errno in (errno.EACCES, errno.EPERM):
            return cls("os.denied", path=path)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return cls("os.full", path=path)
        if exc.errno == errno.ENOENT:
            return cls("os.missing", path=path)
        return cls("os.other", path=path, reason=exc.strerror or exc)


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file: `path:line: field: message`.

    `code` names the message in the catalogue (for tools reading JSON); `about` names the
    file a follow-on error depends on (a link to a page that could not be read), so the
    report can fold it under that file's own error instead of repeating it.
    """

    path: str
    line: int
    field: str
    message: str
    warning: bool = False
    code: str = ""
    about: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class ContentErrors(RusgenError):
    """Every content error of one build, reported together."""

    def __init__(
        self, errors: list[ContentError], warnings: list[ContentError] = (),  # type: ignore[assignment]
        lang: str = DEFAULT_LANGUAGE, unreadable: frozenset[str] = frozenset(),
    ) -> None:
        self.errors = sorted(errors)
        self.warnings = sorted(warnings)
        self.lang = lang
        self.unreadable = unreadable  # files that could not be read: the root causes
        super().__init__("\n".join(str(e) for e in self.errors))


class Problems:
    """Collects errors and warnings while a stage runs, so a build reports them all at once.

    It knows the language messages are written in, so a stage says what is wrong by a
    message code and never picks the words itself.
    """

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.items: list[ContentError] = []
        self.lang = lang
        self.unreadable: set[str] = set()

    def text(self, code: str, /, **args: object) -> str:
        """Return the message `code` in this build's language."""
        return say(code, self.lang, **args)

    def say(
        self, path: str, line: int, field: str, code: str, /, about: str = "", **args: object
    ) -> None:
        """Record an error by its message code."""
        self.add(ContentError(path, line, field, self.text(code, **args), False, code, about))

    def say_warning(self, path: str, line: int, field: str, code: str, /, **args: object) -> None:
        """Record a warning by its message code."""
        self.add(ContentError(path, line, field, self.text(code, **args), True, code))

    def add(self, item: ContentError) -> None:
        """Record a problem found earlier (a cached page's, replayed)."""
        self.items.append(item)

    @property
    def errors(self) -> list[ContentError]:
        return sorted(e for e in self.items if not e.warning)

    @property
    def warnings(self) -> list[ContentError]:
        return sorted(e for e in self.items if e.warning)

    def note_unreadable(self) -> None:
        """Mark the files with errors so far as unreadable: call it once the files are read.

        What other files report about them (a link to a page that could not be read) is a
        follow-on, shown under the cause (report.arrange).
        """
        self.unreadable.update(e.path for e in self.items if not e.warning)

    def raise_if_errors(self) -> None:
        """Stop the pipeline when any error was recorded."""
        if self.errors:
            raise ContentErrors(self.errors, self.warnings, self.lang, frozenset(self.unreadable))
