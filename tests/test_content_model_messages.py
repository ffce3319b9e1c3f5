"""The words communicators write for allowed values get a message naming the value to write.

Each message is asserted whole, as a user reads it (issue: "status: fullsatt -> skriv
status: full").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import REGION, write_site

from rusgen.build import BuildOptions, render_site
from rusgen.errors import ContentErrors

EVENT = "---\ntitle: Möte\nstart: 2026-12-01 09:30\n{extra}---\n\nText.\n"
NEWS = "---\ntitle: Nytt\ndate: 2026-11-01\n{extra}---\n\nText.\n"


def problems_of(root: Path) -> tuple[list[str], list[str]]:
    """Return the (errors, warnings) of building a site, as the lines a user reads."""
    try:
        result = render_site(BuildOptions(source=root))
    except ContentErrors as caught:
        return [str(e) for e in caught.errors], [str(w) for w in caught.warnings]
    return [], [str(w) for w in result.warnings]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("fullsatt", '"fullsatt" skrivs `status: full` (fullsatt); ändra raden till `status: full`'),
        ("inställt", '"inställt" skrivs `status: cancelled` (inställt); ändra raden till '
                     "`status: cancelled`"),
        ("Inställd", '"Inställd" skrivs `status: cancelled` (inställt); ändra raden till '
                     "`status: cancelled`"),
        ("uppskjutet", '"uppskjutet" skrivs `status: postponed` (uppskjutet); ändra raden till '
                       "`status: postponed`"),
        ("digitalt", '"digitalt" skrivs `status: moved-online` (flyttat till webben); ändra raden '
                     "till `status: moved-online`"),
        ("kanske", '"kanske" går inte att använda här; skriv ett av: scheduled (planerat), full '
                   "(fullsatt), cancelled (inställt), postponed (uppskjutet) eller moved-online "
                   "(flyttat till webben)"),
    ],
)
def test_an_event_status_in_swedish_names_the_value_to_write(
    tmp_path: Path, written: str, message: str
) -> None:
    root = write_site(tmp_path, {"events/2026-12-01-mote.md": EVENT.format(extra=f"status: {written}\n")})
    assert problems_of(root)[0] == [f"content/test/events/2026-12-01-mote.md:4: status: {message}"]


def test_a_press_release_written_in_swedish_names_the_value_to_write(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"news/2026-11-01-nytt.md": NEWS.format(extra="kind: pressmeddelande\n")})
    assert problems_of(root)[0] == [
        'content/test/news/2026-11-01-nytt.md:4: kind: "pressmeddelande" skrivs `kind: press` '
        "(pressmeddelande); ändra raden till `kind: press`"
    ]


def test_a_menu_entry_in_swedish_names_the_word_to_write(tmp_path: Path) -> None:
    region = REGION.replace("menu: [om, events, news]", "menu: [om, evenemang, nyheter]")
    assert problems_of(write_site(tmp_path, region=region))[0] == [
        'content/test/region.yaml:5: menu: "evenemang" skrivs events i menyn; ändra till '
        "`menu: [..., events, ...]`",
        'content/test/region.yaml:5: menu: "nyheter" skrivs news i menyn; ändra till '
        "`menu: [..., news, ...]`",
    ]


def test_a_draft_written_ja_names_true(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"om.md": "---\ntitle: Om oss\nsummary: S.\ndraft: ja\n---\n\nText.\n"})
    assert problems_of(root)[0] == [
        'content/test/om.md:4: draft: skriv `draft: true` (ja) eller `draft: false` (nej), inte "ja"'
    ]


def test_an_unknown_field_names_the_closest_one(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"om.md": "---\ntitle: Om oss\nSummary: S.\n---\n\nText.\n"})
    assert problems_of(root) == ([], [
        "content/test/om.md:3: Summary: okänt fält, så det används inte; menade du `summary`?"
    ])


def test_a_language_written_as_a_word_is_refused_with_the_code_to_write(tmp_path: Path) -> None:
    region = REGION.replace("languages: [sv, en]", "languages: svenska")
    assert problems_of(write_site(tmp_path, region=region))[0] == [
        'content/test/region.yaml:4: languages: språk skrivs med två bokstäver, som '
        '`languages: [sv, en]`, men här står "svenska"'
    ]


def test_messages_follow_the_network_language(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"events/2026-12-01-mote.md": EVENT.format(extra="status: fullsatt\n")})
    config = root / "rusgen.yaml"
    config.write_text(config.read_text("utf-8").replace("language: sv", "language: en"), "utf-8")
    assert problems_of(root)[0] == [
        'content/test/events/2026-12-01-mote.md:4: status: "fullsatt" is written `status: full` '
        "(full); change the line to `status: full`"
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("online: {url: 'javascript:alert(1)'}",
         'online.url: "javascript:alert(1)" publiceras inte: en länk som börjar med javascript: kan '
         "köra kod i läsarens webbläsare eller fungerar inte för alla; skriv en webbadress som "
         "börjar med https://, som `url: https://teams.microsoft.com/l/meetup-join/...`"),
        ("livestream: 'data:text/html,<script>alert(1)</script>'",
         "livestream: \"data:text/html,<script>alert(1)</script>\" publiceras inte: en länk som "
         "börjar med data: kan köra kod i läsarens webbläsare eller fungerar inte för alla; skriv "
         "en webbadress som börjar med https://, som `livestream: https://example.se/live`"),
        ("livestream: www.region.se/live",
         'livestream: "www.region.se/live" saknar https:// i början, så länken skulle leda fel; '
         "skriv `livestream: https://www.region.se/live`"),
        ("registration: {email: anmalan#region.se}",
         'registration.email: ska vara en e-postadress, som `email: regionalutveckling@example.se`, '
         'men här står "anmalan#region.se"'),
    ],
)
def test_an_address_that_could_harm_or_mislead_a_reader_is_refused(
    tmp_path: Path, line: str, message: str
) -> None:
    root = write_site(tmp_path, {"events/2026-12-01-mote.md": EVENT.format(extra=line + "\n")})
    assert problems_of(root)[0] == [f"content/test/events/2026-12-01-mote.md:4: {message}"]


def test_an_address_within_the_site_and_mail_and_phone_links_are_accepted(tmp_path: Path) -> None:
    extra = "registration: {url: /anmalan/, email: anmalan@region.se}\nlivestream: https://play.se/x\n"
    root = write_site(tmp_path, {"events/2026-12-01-mote.md": EVENT.format(extra=extra)})
    assert problems_of(root)[0] == []
