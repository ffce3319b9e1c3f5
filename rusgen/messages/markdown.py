"""Messages: markdown."""

from rusgen.messages.template import Template as T

MESSAGES: dict[str, T] = {}
