"""Nothing outside the project is read or published, and no input exhausts the machine or
ends in a traceback (issue 12).

Each test writes a small site as a user (or an attacker) could, runs the real CLI and
asserts the whole Swedish lines the user sees, the exit code and the files published.
The cases that would hang on a regression (a named pipe, a YAML bomb) run the CLI in a
process of its own with a time limit, so CI fails quickly instead of waiting for ever.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOLDEN_EPOCH, output_lines, run_rusgen
from sitekit import write_site

from rusgen.build import BuildOptions
from rusgen.preview import SiteRebuilder

FAILED = "Bygget misslyckades: {count} fel. Den tidigare publicerade versionen är orörd."
SECRET = b"root:x:0:0:hemlig rad som aldrig far publiceras\n"
OUTSIDE = (
    "fel: {link}: är en länk till {target}, som ligger utanför projektmappen; rusgen läser och "
    "publicerar bara filer i projektet, så kopiera in filen eller mappen i stället för att "
    "länka till den"
)
BROKEN = (
    "fel: {link}: är en länk till {target}, som inte finns (eller är en länk tillbaka till sig "
    "själv); ta bort länken, eller låt den leda till en fil som finns"
)
SPECIAL = (
    "varning: {file}: är ingen vanlig fil utan en specialfil (en namngiven pipe, en socket eller "
    "en enhet); rusgen läser den inte och publicerar den inte, så ta bort den från content/"
)
# Time enough for a cold build on a slow machine; a hang or a bomb takes it all.
LIMIT_SECONDS = 60


def page(front: str, body: str = "Text.\n") -> str:
    """Return a page with `front` as its front matter (a summary added)."""
    return f"---\n{front}summary: En sida.\n---\n\n{body}"


def site(tmp_path: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """Write a one-region site below tmp_path/site; the region folder is content/test."""
    (tmp_path / "site").mkdir(parents=True)
    return write_site(tmp_path / "site", files)


def build(root: Path):
    """Run `rusgen build` on a site into its public/ folder; no input may end in a traceback."""
    result = run_rusgen("build", "--source", str(root), "--output", str(root / "public"))
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    return result


def problems(result) -> list[str]:
    """Return the error and warning lines of a run."""
    return [line for line in output_lines(result) if line.startswith(("fel: ", "varning: "))]


def build_in_process(root: Path) -> tuple[int, list[str]]:
    """Run `rusgen build` in a process of its own, stopped after LIMIT_SECONDS."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": GOLDEN_EPOCH, "RUSGEN_LANG": ""}
    done = subprocess.run(
        [sys.executable, "-m", "rusgen", "build", "--source", str(root), "--output", str(root / "public")],
        capture_output=True, text=True, env=env, timeout=LIMIT_SECONDS, check=False,
    )
    output = done.stderr + done.stdout
    assert "Traceback" not in output
    return done.returncode, output.splitlines()


def published(public: Path) -> dict[str, bytes]:
    """Return every file below a folder by its path there."""
    return {str(p.relative_to(public)): p.read_bytes() for p in sorted(public.rglob("*")) if p.is_file()}


# --- links (symlinks) ---------------------------------------------------------------------------


def test_a_link_out_of_the_project_is_refused_and_nothing_is_published(tmp_path: Path) -> None:
    root = site(tmp_path, {"files/rapport.pdf": b"%PDF-1.4 rapport"})
    assert build(root).exit_code == 0
    before = published(root / "public")
    documents = "documents:\n  - {file: files/passwd.pdf, title: Lösenord}\n"
    (root / "content/test/om.md").write_text(page("title: Om oss\n" + documents), "utf-8")
    secret_folder = tmp_path / "hemligt"
    secret_folder.mkdir()
    (secret_folder / "passwd").write_bytes(SECRET)
    (secret_folder / "nycklar.txt").write_bytes(SECRET)
    files = root / "content/test/files"
    os.symlink(secret_folder / "passwd", files / "passwd.pdf")  # listed as a document
    os.symlink(secret_folder / "passwd", files / "olistad.pdf")  # listed nowhere
    os.symlink(secret_folder, files / "mapp")  # a folder
    result = build(root)
    assert problems(result) == [
        OUTSIDE.format(link="content/test/files/mapp", target=secret_folder.resolve()),
        OUTSIDE.format(link="content/test/files/olistad.pdf", target=(secret_folder / "passwd").resolve()),
        OUTSIDE.format(link="content/test/files/passwd.pdf", target=(secret_folder / "passwd").resolve()),
        'fel: content/test/om.md:4: documents.file: det finns ingen fil "files/passwd.pdf" i '
        "content/test/; lägg filen där eller rätta sökvägen",
    ]
    assert output_lines(result)[-1] == FAILED.format(count=4)
    assert result.exit_code == 1
    after = published(root / "public")
    assert after == before
    assert not [path for path, data in after.items() if SECRET in data]


def test_rusgen_yaml_content_or_a_region_linked_out_of_the_project_is_refused(tmp_path: Path) -> None:
    for name in ("rusgen.yaml", "content", "content/test"):
        root = site(tmp_path / name.replace("/", "-"))
        moved = tmp_path / f"utanför-{name.replace('/', '-')}"
        (root / name).rename(moved)
        os.symlink(moved, root / name)
        result = build(root)
        assert problems(result) == [OUTSIDE.format(link=name, target=moved.resolve())], name
        assert output_lines(result)[-1] == FAILED.format(count=1)
        assert result.exit_code == 1
        assert not (root / "public").exists()


def test_a_link_within_the_project_is_followed_by_build_and_preview_alike(tmp_path: Path) -> None:
    logo = "image: {src: files/logga.svg, alt: Regionens logga}\n"
    root = site(tmp_path, {"om.md": page("title: Om oss\n" + logo)})
    (root / "delat/bilder").mkdir(parents=True)
    (root / "delat/logga.svg").write_text("<svg/>\n", "utf-8")
    karta = bytes.fromhex(  # a real 1 x 1 image: the build resizes every PNG
        "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944"
        "4154789c63382127070002b6010534a675aa0000000049454e44ae426082")
    (root / "delat/bilder/karta.png").write_bytes(karta)
    folder = root / "content/test"
    (folder / "files").mkdir()
    os.symlink("../../../delat/logga.svg", folder / "files/logga.svg")
    os.symlink("../../../delat/bilder", folder / "files/bilder")
    os.symlink("om.md", folder / "om-oss.md")
    # content/ itself may be a link within the project too.
    (root / "content").rename(root / "innehall")
    os.symlink("innehall", root / "content")
    result = build(root)
    assert result.exit_code == 0, result.output
    public = root / "public/test"
    assert (public / "files/logga.svg").read_text("utf-8") == "<svg/>\n"
    assert (public / "files/bilder/karta.png").read_bytes() == karta
    assert "<h1>Om oss</h1>" in (public / "om-oss/index.html").read_text("utf-8")
    built = sorted(str(p.relative_to(root / "public")) for p in (public / "files").rglob("*") if p.is_file())
    # The PNG also in the sizes made for phones (outputs/images.py).
    assert built == ["test/files/bilder/karta.1.png", "test/files/bilder/karta.1.webp",
                     "test/files/bilder/karta.png", "test/files/logga.svg"]
    snapshot = SiteRebuilder(BuildOptions(source=root))()
    assert snapshot.problems == ()
    assert snapshot.files is not None
    # The preview shows images as they are: it makes no smaller sizes.
    originals = [path for path in built if not path.endswith((".1.png", ".1.webp"))]
    assert sorted(path for path in snapshot.files if path.startswith("test/files/")) == originals


def test_a_broken_looping_or_hidden_link_is_named_with_where_it_leads(tmp_path: Path) -> None:
    root = site(tmp_path)
    (root / ".git").mkdir()
    (root / ".git/config").write_text("[remote]\nurl = https://hemlig@example.se/\n", "utf-8")
    files = root / "content/test/files"
    files.mkdir()
    os.symlink("finns-inte.pdf", files / "borta.pdf")
    os.symlink("ring.pdf", files / "ring.pdf")
    os.symlink("..", files / "upp")
    os.symlink("../../../.git/config", files / "config.txt")
    result = build(root)
    assert problems(result) == [
        BROKEN.format(link="content/test/files/borta.pdf", target="finns-inte.pdf"),
        f"fel: content/test/files/config.txt: är en länk till {(root / '.git/config').resolve()}, "
        "en dold fil eller mapp (namnet börjar med en punkt) som rusgen aldrig publicerar; kopiera "
        "in filen eller mappen i stället för att länka till den",
        BROKEN.format(link="content/test/files/ring.pdf", target="ring.pdf"),
        "fel: content/test/files/upp: är en länk till .., en mapp som redan är med i regionen, så "
        "samma filer skulle publiceras två gånger eller i en ring utan slut; ta bort länken",
    ]
    assert result.exit_code == 1


# --- files that are no files --------------------------------------------------------------------


def test_a_named_pipe_and_a_socket_are_skipped_with_a_warning_never_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(tmp_path, {"files/rapport.pdf": b"%PDF-1.4 rapport"})
    folder = root / "content/test"
    os.mkfifo(folder / "files/ror.pdf")
    os.mkfifo(folder / "ror.md")
    monkeypatch.chdir(folder / "files")  # a socket's path must be short: bind it relative
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("uttag.pdf")
        code, lines = build_in_process(root)
    assert [line for line in lines if line.startswith(("fel:", "varning:"))] == [
        SPECIAL.format(file="content/test/files/ror.pdf"),
        SPECIAL.format(file="content/test/files/uttag.pdf"),
        SPECIAL.format(file="content/test/ror.md"),
    ]
    assert code == 0
    assert sorted(p.name for p in (root / "public/test/files").iterdir()) == ["rapport.pdf"]
    assert not (root / "public/test/ror").exists()


# --- names ---------------------------------------------------------------------------------------


def test_a_name_that_is_not_utf8_or_holds_an_invisible_character_is_named(tmp_path: Path) -> None:
    root = site(tmp_path)
    folder = os.fsencode(root / "content/test")
    with open(folder + b"/\xff.md", "wb") as handle:
        handle.write(page("title: Trasig\n").encode())
    os.makedirs(folder + b"/files/m\xe4rkt")
    with open(folder + b"/files/m\xe4rkt/a.pdf", "wb") as handle:
        handle.write(b"%PDF")
    (root / "content/test/klocka\x07.md").write_text(page("title: Klocka\n"), "utf-8")
    (root / "content/test/två\nrader.md").write_text(page("title: Två rader\n"), "utf-8")
    result = build(root)
    unreadable = (
        "namnet har tecken som inte går att läsa (de visas här som �); byt namn och skriv namnet "
        "med vanliga bokstäver"
    )
    assert problems(result) == [
        f"fel: content/test/files/m�rkt: {unreadable}",
        "fel: content/test/klocka�.md: namnet har ett osynligt tecken (U+0007, som visas här som "
        "�); byt namn utan det tecknet",
        "fel: content/test/två�rader.md: namnet har ett osynligt tecken (U+000A, som visas här "
        "som �); byt namn utan det tecknet",
        f"fel: content/test/�.md: {unreadable}",
    ]
    assert output_lines(result)[-1] == FAILED.format(count=4)
    assert result.exit_code == 1


def test_names_as_long_as_a_file_system_takes_are_published(tmp_path: Path) -> None:
    long_page = "å" * 126 + ".md"  # 255 bytes in UTF-8, the most a name may have
    long_file = "a" * 251 + ".pdf"
    assert len(long_page.encode()) == len(long_file) == 255
    root = site(tmp_path, {long_page: page("title: Lång\n"), f"files/{long_file}": b"%PDF lang"})
    result = build(root)
    assert problems(result) == [
        f"varning: content/test/{long_page}: sidan publiceras på adressen /{'a' * 126}/; byt "
        f"gärna namn på filen till {'a' * 126}.md, så stämmer filnamn och adress",
    ]
    assert result.exit_code == 0
    assert "<h1>Lång</h1>" in (root / "public/test" / ("a" * 126) / "index.html").read_text("utf-8")
    assert (root / "public/test/files" / long_file).read_bytes() == b"%PDF lang"


@pytest.mark.parametrize(("front", "expected"), [
    ("slug: " + "a" * 300 + "\n",
     "fel: content/test/sida.md:3: slug: är 300 tecken lång, men ett namn i en adress får vara "
     "högst 255 tecken; skriv ett kortare, som `slug: ny-rus`"),
    ('slug: "om\\0oss"\n',
     "fel: content/test/sida.md:3: raden har ett osynligt tecken (U+0000) som inte får finnas i en "
     "text; skriv om raden utan det"),
    ("aliases: [/" + "a" * 300 + "/]\n",
     'fel: content/test/sida.md:3: aliases: ska vara en gammal adress på webbplatsen, som '
     f'/gamla-adressen/, men här står "/{"a" * 300}/"'),
    ("aliases: [/gammal%00sida/]\n",
     'fel: content/test/sida.md:3: aliases: ska vara en gammal adress på webbplatsen, som '
     '/gamla-adressen/, men här står "/gammal%00sida/"'),
])
def test_a_slug_or_alias_too_long_or_with_nul_is_named(tmp_path: Path, front: str, expected: str) -> None:
    result = build(site(tmp_path, {"sida.md": page("title: Sida\n" + front)}))
    assert problems(result) == [expected]
    assert result.exit_code == 1


def test_a_page_in_a_language_the_region_lacks_that_links_a_file_is_named(tmp_path: Path) -> None:
    root = site(tmp_path, {
        "om.de.md": page(
            "title: Über uns\ndocuments:\n  - {file: files/a.pdf, title: A}\n",
            "Siehe [A](files/a.pdf) und [om](om.md).\n",
        ),
        "files/a.pdf": b"%PDF-1.4 a",
    })
    result = build(root)
    assert problems(result) == [
        'fel: content/test/om.de.md:1: filnamnet säger språket "de", men content/test/region.yaml '
        "har languages: [sv, en]; lägg till språket där eller byt namn på filen",
    ]
    assert result.exit_code == 1


# --- YAML that would exhaust the machine ---------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    """Return front matter whose last line would make 9**levels values."""
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, levels):
        name, below = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{below}"] * 9) + "]")
    return "title: Skämt\n" + "\n".join(lines) + "\n"


def test_a_billion_laughs_front_matter_is_refused_at_once(tmp_path: Path) -> None:
    front = billion_laughs()
    assert len(front) < 4096
    code, lines = build_in_process(site(tmp_path, {"bomb.md": page(front)}))
    assert [line for line in lines if line.startswith("fel:")] == [
        "fel: content/test/bomb.md:4: *a hänvisar till värdet som är märkt &a på en annan rad; "
        "sådana hänvisningar (alias) används inte i rusgen, så skriv ut värdet här i stället",
    ]
    assert code == 1


TOO_DEEP = (
    "fel: content/test/djup.md:{line}: värdena ligger i fler än 20 nivåer inne i varandra, och så "
    "djupt ligger inget fält; se efter att indraget och hakparenteserna stämmer"
)


@pytest.mark.parametrize(("front", "line"), [
    ("x: " + "[" * 400 + "]" * 400 + "\n", 3),
    # Deeper than the fast parser takes: the error comes from the one that explains.
    ("x: " + "[" * 5000 + "]" * 5000 + "\n", 3),
    # The 21st mapping inside another starts on the line of k20.
    ("".join(" " * i + f"k{i}:\n" for i in range(400)) + " " * 400 + "v: 1\n", 23),
    ("".join(" " * i + f"k{i}:\n" for i in range(400)) + " " * 400 + "v: [1\n", 23),
])
def test_yaml_nested_too_deep_is_refused_on_its_line(tmp_path: Path, front: str, line: int) -> None:
    code, lines = build_in_process(site(tmp_path, {"djup.md": page("title: Djup\n" + front)}))
    assert [text for text in lines if text.startswith("fel:")] == [TOO_DEEP.format(line=line)]
    assert code == 1


@pytest.mark.parametrize(("value", "quoted"), [
    ("!!int x", '"!!int x"'),
    ("!!binary aGVq", '"!!binary aGVq"'),
    ("!!python/object:os.system ls", '"!!python/object:os.system ls"'),
    ("!egen text", '"!egen text"'),
    ("!!str 3", '"!!str 3"'),
    ("!!set {a, b}", '"!!set {a, b}"'),
])
def test_an_explicit_tag_is_refused_with_the_quoted_fix(tmp_path: Path, value: str, quoted: str) -> None:
    result = build(site(tmp_path, {"sida.md": page(f"title: {value}\n")}))
    assert problems(result) == [
        "fel: content/test/sida.md:2: raden går inte att läsa: ett värde kan inte börja med !; sätt "
        f"värdet inom citattecken, som title: {quoted}",
    ]
    assert result.exit_code == 1


@pytest.mark.parametrize(("value", "expected"), [
    ('"\\ud800"', "värdet har en teckenkod (U+D800) som bara är ena halvan av ett tecken; skriv "
                  "tecknet självt i stället för koden"),
    ('"Glad \\ud83d\\ude00"', "värdet har en teckenkod (U+D83D) som bara är ena halvan av ett "
                              "tecken; skriv tecknet självt i stället för koden"),
    ('"a\\0b"', "raden har ett osynligt tecken (U+0000) som inte får finnas i en text; skriv om "
                "raden utan det"),
    ('"a\\x1bb"', "raden har ett osynligt tecken (U+001B) som inte får finnas i en text; skriv om "
                  "raden utan det"),
])
def test_an_escape_that_makes_no_character_is_refused(tmp_path: Path, value: str, expected: str) -> None:
    files = {"events/2021-06-02-m.md": page(f"title: Möte\nstart: 2021-06-02\nuid: {value}\n")}
    result = build(site(tmp_path, files))
    assert problems(result) == [f"fel: content/test/events/2021-06-02-m.md:4: {expected}"]
    assert result.exit_code == 1


def test_yaml_words_for_instructions_are_kept_as_text(tmp_path: Path) -> None:
    root = site(tmp_path, {"om.md": page("title: =\nweight: 1234567890123456789012345\n")})
    result = build(root)
    assert problems(result) == [
        "fel: content/test/om.md:3: weight: ska vara ett heltal, som `weight: 10`, men här står "
        '"1234567890123456789012345"',
    ]
    assert result.exit_code == 1
    root = site(tmp_path / "2", {"om.md": page("title: =\n")})
    assert build(root).exit_code == 0
    assert "<h1>=</h1>" in (root / "public/test/om/index.html").read_text("utf-8")


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_a_year_no_calendar_can_hold_is_refused_in_every_date_field(tmp_path: Path, year: str) -> None:
    registration = f"registration: {{email: a@example.se, deadline: {year}-01-01}}\n"
    root = site(tmp_path, {
        "events/2021-06-02-m.md": page(f"title: Möte\nstart: {year}-01-01 10:00\nend: {year}-01-01\n"),
        "events/2021-06-03-n.md": page("title: Möte\nstart: 2021-06-03 10:00\n" + registration),
        "news/n.md": page(f"title: Nytt\ndate: {year}-12-31\n"),
        "om.md": page(f"title: Om\nupdated: {year}-12-31 23:59\n"),
    })
    region = root / "content/test/region.yaml"
    region.write_text(region.read_text("utf-8").replace("2026-01-01", f"{year}-06-01"), "utf-8")
    result = build(root)

    def refused(where: str, field: str) -> str:
        return (f"fel: content/test/{where}: {field}: året {year} går inte att använda; skriv ett år "
                f"mellan 1900 och 2999, som `{field.split('.')[-1]}: 2021-05-27`")

    assert problems(result) == [
        refused("events/2021-06-02-m.md:3", "start"),
        refused("events/2021-06-02-m.md:4", "end"),
        refused("events/2021-06-03-n.md:4", "registration.deadline"),
        refused("news/n.md:3", "date"),
        refused("om.md:3", "updated"),
        refused("region.yaml:9", "accessibility.assessed"),
    ]
    assert result.exit_code == 1


def test_the_first_and_last_years_build_calendars_feeds_and_sitemap(tmp_path: Path) -> None:
    root = site(tmp_path, {
        "events/2021-06-02-forst.md": page("title: Först\nstart: 1900-01-01 00:00\nend: 1900-01-01 01:00\n"),
        "events/2021-06-03-sist.md": page("title: Sist\nstart: 2999-12-31 23:00\nend: 2999-12-31 23:59\n"),
        "events/2021-06-04-heldag.md": page("title: Heldag\nstart: 2999-12-31\n"),
        "news/n.md": page("title: Nytt\ndate: 2999-12-31\n"),
        "om.md": page("title: Om\nupdated: 2999-12-31 23:59\n"),
    })
    region = root / "content/test/region.yaml"
    region.write_text(region.read_text("utf-8").replace("2026-01-01", "1900-01-01"), "utf-8")
    result = build(root)
    assert problems(result) == []
    assert result.exit_code == 0
    public = root / "public/test"
    calendar = (public / "events.ics").read_text("utf-8")
    assert "DTSTART;TZID=Europe/Stockholm:19000101T000000" in calendar
    assert "DTSTART;TZID=Europe/Stockholm:29991231T230000" in calendar
    assert "DTSTART;VALUE=DATE:29991231" in calendar
    assert "<lastmod>2999-12-31" in (public / "sitemap.xml").read_text("utf-8")
    assert "<updated>2999-12-30T23:00:00Z</updated>" in (public / "news/atom.xml").read_text("utf-8")
    # Midnight on 1 January 1900 in Stockholm was still 1899 in UTC.
    assert "<updated>1899-12-31T23:00:00Z</updated>" in (public / "events/atom.xml").read_text("utf-8")


def test_an_alias_in_contacts_yaml_is_named_on_its_line(tmp_path: Path) -> None:
    root = site(tmp_path)
    (root / "content/test/contacts.yaml").write_text(
        "kim: &kim {name: Kim}\nrobin: *kim\n", "utf-8"
    )
    result = build(root)
    assert problems(result) == [
        "fel: content/test/contacts.yaml:2: *kim hänvisar till värdet som är märkt &kim på en "
        "annan rad; sådana hänvisningar (alias) används inte i rusgen, så skriv ut värdet här i "
        "stället",
    ]
    assert result.exit_code == 1
