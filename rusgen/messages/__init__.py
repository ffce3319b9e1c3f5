"""Every message rusgen shows a user, in Swedish and English.

A message is named by a code (`field.required`) and written once per language as a
template with named blanks (`{field}`, `{example}`). The catalogue is split by area so no
file outgrows a screenful of reading; `catalogue()` joins them and a test checks that every
code has both languages with the same blanks.

Swedish is the default: our users are Swedish communicators. `language:` in rusgen.yaml
or RUSGEN_LANG=en switches to English.
"""

from __future__ import annotations

import os
from functools import cache

from rusgen.messages.checks import MESSAGES as CHECKS
from rusgen.messages.cli import MESSAGES as CLI
from rusgen.messages.content import MESSAGES as CONTENT
from rusgen.messages.editor import MESSAGES as EDITOR
from rusgen.messages.editor_backend import MESSAGES as EDITOR_BACKEND
from rusgen.messages.fields import MESSAGES as FIELDS
from rusgen.messages.input import MESSAGES as INPUT
from rusgen.messages.markdown import MESSAGES as MARKDOWN
from rusgen.messages.publishing import MESSAGES as PUBLISHING
from rusgen.messages.site import MESSAGES as SITE
from rusgen.messages.template import Template
from rusgen.messages.yaml_text import MESSAGES as YAML_TEXT

__all__ = ["Template", "catalogue", "message_language", "plural", "say"]

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
ENV_VARIABLE = "RUSGEN_LANG"


@cache
def catalogue() -> dict[str, Template]:
    """Return every message by its code."""
    merged: dict[str, Template] = {}
    for part in (CHECKS, CLI, CONTENT, EDITOR, EDITOR_BACKEND, FIELDS, INPUT, MARKDOWN, PUBLISHING,
                 SITE, YAML_TEXT):
        for code, template in part.items():
            if code in merged:
                raise AssertionError(f"message code {code} is defined twice")
            merged[code] = template
    return merged


def say(code: str, lang: str, /, **args: object) -> str:
    """Return the message `code` in `lang` with its blanks filled."""
    return catalogue()[code].text(lang).format(**args)


def message_language(configured: str | None = None) -> str:
    """Pick the language of messages: RUSGEN_LANG, then rusgen.yaml's `language`, then Swedish."""
    wanted = os.environ.get(ENV_VARIABLE, "").strip().lower() or (configured or "").strip().lower()
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def plural(count: int, one: str, many: str) -> str:
    """Return "1 fel" or "3 fel", "1 sida" or "3 sidor"."""
    return f"{count} {one if count == 1 else many}"
