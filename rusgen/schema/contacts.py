"""contacts.yaml, and the contact ids pages name."""

from __future__ import annotations

from rusgen.contentmodel import CONTACTS
from rusgen.errors import Problems
from rusgen.fields import Fields, describe
from rusgen.model import (
    Contact,
)
from rusgen.raw import RawRegion
from rusgen.schema.common import SLUG_RE, RegionContext
from rusgen.yamlfile import YamlMap


def read_contacts(raw: RawRegion, problems: Problems, languages: tuple[str, ...]) -> tuple[Contact, ...]:
    if raw.contacts is None:
        return ()
    path = f"{raw.display}/contacts.yaml"
    result = []
    for contact_id, value in raw.contacts.items():
        line = raw.contacts.line_of(contact_id)
        if not SLUG_RE.match(contact_id):
            problems.say(path, line, contact_id, "contact.id")
        if not isinstance(value, YamlMap):
            problems.say(path, line, contact_id, "contact.fields", got=describe(value, problems))
            continue
        f = Fields(value, path, problems, prefix=f"{contact_id}.")
        f.warn_unknown(CONTACTS.names)
        role, roles = f.translated(CONTACTS["role"], languages)
        result.append(
            Contact(
                id=contact_id,
                name=f.read(CONTACTS["name"]),
                role=role,
                roles=roles,
                organisation=f.read(CONTACTS["organisation"]),
                phone=read_phone(f, "phone"),
                mobile=read_phone(f, "mobile"),
                email=f.read(CONTACTS["email"]),
            )
        )
    return tuple(result)


def read_phone(f: Fields, key: str) -> str:
    phone = f.text(key)
    if phone and not any(c.isdigit() for c in phone):
        f.say(key, "field.phone", field=key, got=f'"{phone}"')
        return ""
    return phone


def contact_ids(f: Fields, key: str, region: RegionContext) -> tuple[str, ...]:
    result = []
    for contact_id, line in f.texts(key):
        if contact_id not in region.contacts:
            known = ", ".join(sorted(region.contacts)) or f.problems.text("contact.none_yet")
            f.problems.say(
                f.path, line, key, "contact.unknown", about=f"{region.display}/contacts.yaml",
                contact=contact_id, folder=region.display, known=known,
            )
            continue
        result.append(contact_id)
    return tuple(result)
