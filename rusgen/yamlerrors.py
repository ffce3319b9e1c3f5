"""Say in plain words why a line of YAML cannot be read, and what to write instead.

The parser's own words ("mapping values are not allowed here") mean nothing to a
communicator. Each parser error becomes a message code of the catalogue (yaml.*) with the
user's own line turned into the example, on the line where the mistake was made.
"""

from __future__ import annotations

import yaml

from rusgen.yamltraps import WORD_QUOTE_MARKS, quoted, suggest, yaml_lines

COLON_EXAMPLE = 'title: "Uppstart: Digitalisering"'
QUOTE_EXAMPLE = 'title: "Kim\'s bok"'
# Characters YAML reads as its own at the start of a value.
SPECIAL_STARTS = "@`*&!|>%"
# The parser's words for the mistakes whose message needs no example.
PLAIN = (
    ("'\\t'", "yaml.tab"),
    ("tab character", "yaml.tab"),
    ("escape", "yaml.escape"),
    ("but found '-'", "yaml.list_item"),
    # What the parser found where a mapping should have ended: a line indented wrongly.
    ("found '<block mapping start>'", "yaml.indent"),
    ("found '<block sequence start>'", "yaml.indent"),
    ("found '?'", "yaml.indent"),
    ("did not find expected key", "yaml.indent"),
    ("another document", "yaml.two_docs"),
)


class YamlSyntaxError(Exception):
    """YAML that cannot be read: the 1-based line, the field if known, a message code and blanks."""

    def __init__(self, line: int, code: str, field: str = "", **blanks: str) -> None:
        super().__init__(f"line {line}: {code} {blanks}")
        self.line = line
        self.code = code
        self.field = field
        self.blanks = blanks


class DuplicateKey(yaml.constructor.ConstructorError):
    """A key written twice in one mapping; the context mark is where it was written first."""

    def __init__(self, key: str, first: yaml.Mark, again: yaml.Mark) -> None:
        super().__init__("while reading a mapping", first, f'the key "{key}" is written twice', again)
        self.key = key


def explain(exc: yaml.YAMLError, lines: list[str], first_line: int) -> YamlSyntaxError:
    """Turn a parser error on `lines` (line `first_line` of the file first) into a message.

    `lines` are the ones parsed, with Word's quotes around whole values already made
    straight; a value that still starts with one had them somewhere else too.
    """
    if isinstance(exc, yaml.reader.ReaderError):
        index = exc.position if isinstance(exc.position, int) else 0
        line = len(yaml_lines("\n".join(lines)[:index])) - 1
        return YamlSyntaxError(line + first_line, "yaml.control_char", char=f"U+{exc.character:04X}")
    if not isinstance(exc, yaml.MarkedYAMLError):
        return YamlSyntaxError(first_line, "yaml.unreadable")
    mark = exc.problem_mark or exc.context_mark
    at = _at(mark)
    text = _line(lines, at)
    if _value_of(text)[:1] in tuple(WORD_QUOTE_MARKS):
        marks = " ".join(dict.fromkeys(q for q in text if q in WORD_QUOTE_MARKS))
        example = suggest(text, _strip_word_quotes(text)) or COLON_EXAMPLE
        return YamlSyntaxError(at + first_line, "yaml.word_quotes", marks=marks, example=example)
    return _by_problem(exc, lines, first_line)


def _at(mark: yaml.Mark | None) -> int:
    return mark.line if mark else 0


def _line(lines: list[str], at: int) -> str:
    return lines[at] if 0 <= at < len(lines) else ""


def _by_problem(exc: yaml.MarkedYAMLError, lines: list[str], first_line: int) -> YamlSyntaxError:
    problem, context = exc.problem or "", exc.context or ""
    at = _at(exc.problem_mark or exc.context_mark)
    opened_at = _at(exc.context_mark)  # where the quote, bracket or key began
    line = _line(lines, at)
    column = exc.problem_mark.column if exc.problem_mark else 0

    def error(code: str, where: int = at, **args: str) -> YamlSyntaxError:
        return YamlSyntaxError(where + first_line, code, **args)

    if isinstance(exc, DuplicateKey):
        return YamlSyntaxError(at + first_line, "yaml.duplicate", exc.key, first=str(opened_at + first_line))
    if "mapping values are not allowed" in problem:
        if ":" not in line[:column]:  # the line's first colon: a field indented too far
            return error("yaml.indent_deeper", key=line.strip().split(":")[0])
        return error("yaml.colon", example=suggest(line) or COLON_EXAMPLE)
    if "could not find expected ':'" in problem:
        return error("yaml.no_colon", where=opened_at)
    if "quoted scalar" in context and "end of stream" in problem:
        column = exc.context_mark.column if exc.context_mark else 0
        quote = _line(lines, opened_at)[column : column + 1] or '"'
        return error("yaml.unclosed_quote", where=opened_at, quote=quote)
    if "flow sequence" in context or "flow mapping" in context:
        brackets = ("[", "]") if "sequence" in context else ("{", "}")
        return error("yaml.flow", where=opened_at, open=brackets[0], close=brackets[1])
    if "but found '<scalar>'" in problem and line[:column].rstrip().endswith(("'", '"')):
        return error("yaml.after_quote", example=_after_quote_example(line) or QUOTE_EXAMPLE)
    code = next((code for words, code in PLAIN if words in problem), "")
    if code:
        return error(code)
    start = _special_start(line)
    if start:
        return error("yaml.special_start", char=start, example=suggest(line) or COLON_EXAMPLE)
    return error("yaml.unreadable")


def _value_of(line: str) -> str:
    """Return what follows `key: ` or `- ` on a line."""
    return (line.split(": ", 1)[1] if ": " in line else line.lstrip(" -")).strip()


def _special_start(line: str) -> str:
    """Return the character YAML read as its own at the start of the line's value, if any."""
    value = _value_of(line)
    return value[0] if value and value[0] in SPECIAL_STARTS else ""


def _after_quote_example(line: str) -> str:
    """Return `key: "…"` with quotes around the whole of a value that had text after them."""
    if ": " not in line.strip():
        return ""
    key, value = line.strip().split(": ", 1)
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]  # 'Kim's bok': the quote inside closed it
    return f"{key}: {quoted(value)}"


def _strip_word_quotes(line: str) -> str:
    return "".join(c for c in _value_of(line) if c not in WORD_QUOTE_MARKS).strip()
