"""The pieces the content model is written with: kinds of file, fields, choices."""

from __future__ import annotations

from dataclasses import dataclass

# The types a field can have; fields.Fields.read knows how to read each.
TEXT, BOOL, INT, DATE, MOMENT, TIME = "text", "bool", "int", "date", "moment", "time"
CHOICE, NAMES, MAP, MAPS, MAP_OF = "choice", "names", "map", "maps", "map_of"
URL, EMAIL, PHONE, COLOR, SLUG, FILE = "url", "email", "phone", "color", "slug", "file"
# A text once for every language, or once per language: `title: {sv: Kraftsamlingar, en: Focus areas}`.
TRANSLATED = "translated"


@dataclass(frozen=True)
class Choice:
    """One allowed value, its label, and the other words users write for it."""

    value: str
    label_sv: str
    label_en: str
    words: tuple[str, ...] = ()  # lower case: "fullsatt" means "full"


@dataclass(frozen=True)
class Field:
    """One field of one file kind."""

    name: str
    type: str
    help_sv: str
    help_en: str
    example: str = ""  # a value as the user writes it in YAML
    required: bool = False
    default: str = ""  # what an absent field means, in words of the docs
    choices: tuple[Choice, ...] = ()
    fields: tuple[Field, ...] = ()  # beneath a MAP, each item of MAPS, each value of MAP_OF
    # An item of MAPS may be written as the value of its first field alone: `- /gammal-sida/`.
    shorthand: bool = False

    def choice(self, written: str) -> Choice | None:
        """Return the choice a user's word means: its value or one of its words."""
        word = written.strip().lower()
        return next((c for c in self.choices if word == c.value or word in c.words), None)

    def child(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@dataclass(frozen=True)
class Kind:
    """A kind of file: rusgen.yaml, region.yaml, contacts.yaml, a page, an event, a news item."""

    id: str
    title_sv: str
    title_en: str
    where: str  # where such files live, for the docs
    fields: tuple[Field, ...]

    def __getitem__(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)
