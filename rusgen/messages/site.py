"""Messages about a site's files as files: their names, placeholders, and `rusgen new`."""

from rusgen.messages.template import Template as T

NAMES = {
    "name.page": T(
        sv="sidan publiceras på adressen /{url}; byt gärna namn på filen till {suggested}, så "
        "stämmer filnamn och adress",
        en="the page is published at the address /{url}; consider renaming the file to "
        "{suggested}, so the file name and the address agree",
    ),
    "name.folder": T(
        sv="sidorna i mappen publiceras under adressen /{url}; byt gärna namn på mappen till "
        "{suggested}, så stämmer mappnamn och adress",
        en="the pages in this folder are published below the address /{url}; consider renaming "
        "the folder to {suggested}, so the folder name and the address agree",
    ),
    "name.no_slug": T(
        sv='namnet "{name}" har inga bokstäver a–z eller siffror att göra en adress av; byt '
        "namn, till exempel till {example}",
        en='the name "{name}" has no letters a–z or digits to make an address of; rename it, '
        "for example to {example}",
    ),
    "name.file_space": T(
        sv="filnamnet har mellanslag, som gör länkar till filen krångliga att skriva; byt gärna "
        "namn på filen till {suggested} och ändra länkarna dit",
        en="the file name has spaces, which make links to the file awkward to write; consider "
        "renaming it to {suggested} and changing the links to it",
    ),
}

PLACEHOLDERS = {
    "placeholder.body": T(
        sv='raden "{marker}" skrev rusgen new som plats för texten; ersätt den med sidans egen '
        "text innan sidan publiceras",
        en='the line "{marker}" was written by rusgen new to hold the text; replace it with the '
        "page's own text before the page is published",
    ),
    "placeholder.summary": T(
        sv='"{marker}" skrev rusgen new som plats för sammanfattningen; skriv i stället en eller '
        'två meningar om vad sidan "{title}" handlar om (de visas i listor och sökträffar)',
        en='"{marker}" was written by rusgen new to hold the summary; write one or two sentences '
        'about what the page "{title}" is about instead (lists and search results show them)',
    ),
}

NEW = {
    "new.the_title": T(sv="rubriken", en="the title"),
    "new.the_path": T(sv="sökvägen", en="the path"),
    "new.created": T(sv="Skapade {path}", en="Created {path}"),
    "new.region_next": T(
        sv="Nästa steg: fyll i base_url och tillgänglighetsredogörelsen i {settings} och skriv "
        "startsidans text i {index}. Bygget stoppar tills det är gjort; docs/guide.md visar hur.",
        en="Next: fill in base_url and the accessibility statement in {settings} and write the "
        "home page's text in {index}. The build stops until that is done; docs/guide.md shows how.",
    ),
    "new.page_next": T(
        sv="Nästa steg: skriv sammanfattningen (summary) och texten i {path}. Bygget stoppar "
        "tills de är ifyllda.",
        en="Next: write the summary and the text in {path}. The build stops until they are "
        "filled in.",
    ),
    "new.config_broken": T(
        sv="{path}:{line}: {problem}. Rätta filen först; sedan kan rusgen new skapa nya filer",
        en="{path}:{line}: {problem}. Correct the file first; then rusgen new can create files",
    ),
    "new.config_not_text": T(
        sv="{path}: filen är inte sparad som UTF-8-text; spara den som UTF-8 i textredigeraren "
        "och försök igen",
        en="{path}: the file is not saved as UTF-8 text; save it as UTF-8 in your editor and "
        "try again",
    ),
    "new.config_not_map": T(
        sv="{path}: filen ska ha fält som `name: ...`, ett per rad; rätta den först och skapa "
        "sedan nya filer",
        en="{path}: expected fields like `name: ...`, one per line; correct it first, then "
        "create new files",
    ),
    "new.symlink": T(
        sv="{path} är en genväg (symbolisk länk) till {target}; rusgen new skriver bara i "
        "projektets egna mappar. Gör {path} till en vanlig mapp, eller skapa filen för hand",
        en="{path} is a shortcut (symbolic link) to {target}; rusgen new writes only in the "
        "project's own folders. Make {path} an ordinary folder, or create the file by hand",
    ),
    "new.exists": T(
        sv="{path} finns redan; rusgen new skriver aldrig över en fil: välj ett annat namn, "
        "eller öppna filen och ändra i den",
        en="{path} already exists; rusgen new never overwrites a file: choose another name, or "
        "open that file and edit it",
    ),
    "new.region_exists": T(
        sv="{path} finns redan; rusgen new skriver aldrig över: välj ett annat id",
        en="{path} already exists; rusgen new never overwrites: choose another id",
    ),
    "new.name_too_long": T(
        sv="{path}: namnet är för långt för datorns filsystem; välj ett kortare",
        en="{path}: the name is too long for the computer's file system; choose a shorter one",
    ),
    "new.region_id": T(
        sv='"{got}" kan inte vara en regions id (mappens namn): skriv små bokstäver a–z, siffror '
        "och bindestreck, som {example}",
        en='"{got}" cannot be a region id (the folder name): use lower-case letters a–z, digits '
        "and hyphens, like {example}",
    ),
    "new.email_missing": T(
        sv="--email saknas; läsarna behöver en adress för frågor och för att rapportera brister "
        "i tillgängligheten, som --email regionalutveckling@regionhalland.se",
        en="--email is required; readers need an address for questions and for reporting "
        "accessibility problems, like --email regionalutveckling@regionhalland.se",
    ),
    "new.email_invalid": T(
        sv='--email "{got}" är ingen e-postadress; skriv en adress som '
        "regionalutveckling@regionhalland.se, utan mellanslag och tecken som # eller ,",
        en='--email "{got}" is not an e-mail address; write one like '
        "regionalutveckling@regionhalland.se, without spaces or characters like # or ,",
    ),
    "new.one_line": T(
        sv='{option}: texten får bara vara en rad, men det kommer en radbrytning efter "{before}"; '
        "skriv allt på en rad",
        en='{option}: the text must be one line, but a line break follows "{before}"; write it '
        "all on one line",
    ),
    "new.control_char": T(
        sv='{option}: efter "{before}" står ett osynligt styrtecken ({char}), som brukar följa med '
        "när text klistras in; skriv texten på nytt utan det",
        en='{option}: after "{before}" there is an invisible control character ({char}), which '
        "pasted text often brings along; type the text again without it",
    ),
    "new.too_long": T(
        sv="{option}: texten är {count} tecken lång, och en rubrik får vara högst {limit}; korta "
        "den och skriv resten i sammanfattningen eller texten",
        en="{option}: the text is {count} characters long, and a title may have at most {limit}; "
        "shorten it and put the rest in the summary or the text",
    ),
    "new.no_letters": T(
        sv='"{got}": rubriken behöver bokstäver eller siffror att göra ett filnamn av, som '
        '"Öppet möte i Kungsbacka"',
        en='"{got}": the title needs letters or digits to make a file name from, like '
        '"Öppet möte i Kungsbacka"',
    ),
    "new.page_path": T(
        sv='"{got}" kan inte vara en sidas sökväg; skriv en som om-oss eller kraftsamlingar/index',
        en='"{got}" cannot be a page path; write one like om-oss or kraftsamlingar/index',
    ),
    "new.page_address": T(
        sv="{path} har redan den adressen; öppna den filen och ändra i den i stället",
        en="{path} already has that address; open that file and edit it instead",
    ),
    "new.start_missing": T(
        sv='--start saknas; skriv när evenemanget börjar, som --start "2026-12-01 9.30", eller '
        "bara ett datum, --start 2026-12-01, för ett heldagsevenemang",
        en='--start is required; write when the event starts, like --start "2026-12-01 9.30", or '
        "a date alone, --start 2026-12-01, for an all-day event",
    ),
    "new.start": T(
        sv='--start "{got}": skriv datum och klockslag, som "2026-12-01 9.30" eller '
        '"2026-12-01 13:00", eller bara ett datum, 2026-12-01, för ett heldagsevenemang',
        en='--start "{got}": write a date and time like "2026-12-01 9.30" or "2026-12-01 13:00", '
        "or a date alone, 2026-12-01, for an all-day event",
    ),
    "new.end": T(
        sv='--end "{got}": skriv när evenemanget slutar, som "{day} 16.00", eller bara '
        'klockslaget, "16.00"',
        en='--end "{got}": write when the event ends, like "{day} 16.00", or the time alone, '
        '"16.00"',
    ),
    "new.end_needs_time": T(
        sv='--end "{got}": evenemanget börjar kl. {start}, så skriv också när det slutar, som '
        '"{day} 16.00"',
        en='--end "{got}": the event starts at {start}, so write when it ends too, like '
        '"{day} 16.00"',
    ),
    "new.end_all_day": T(
        sv='--end "{got}": evenemanget är heldag (--start har inget klockslag), så skriv slutet '
        "som ett datum, som {day}",
        en='--end "{got}": the event is all day (--start has no time), so write the end as a '
        "date, like {day}",
    ),
    "new.end_before_start": T(
        sv='--end "{end}" är före --start "{start}"; rätta en av dem',
        en='--end "{end}" is before --start "{start}"; correct one of them',
    ),
    "new.date": T(
        sv='--date "{got}": skriv ett datum som 2026-12-01 (år-månad-dag)',
        en='--date "{got}": write a date like 2026-12-01 (year-month-day)',
    ),
    "new.region_unknown": T(
        sv="--region {got}: det finns ingen sådan region i content/ (regionerna: {known})",
        en="--region {got}: no such region in content/ (the regions: {known})",
    ),
    "new.regions_none": T(
        sv="inga ännu; skapa en med rusgen new region", en="none yet; start one with rusgen new region"
    ),
    "new.no_region": T(
        sv="det finns ingen region i content/ ännu; skapa en med "
        "rusgen new region halland --name Halland --email regionalutveckling@regionhalland.se",
        en="there is no region in content/ yet; start one with "
        "rusgen new region halland --name Halland --email regionalutveckling@regionhalland.se",
    ),
    "new.which_region": T(
        sv="det finns flera regioner; säg vilken med --region, som --region {first} "
        "(regionerna: {known})",
        en="there are several regions; say which with --region, like --region {first} "
        "(the regions: {known})",
    ),
}

MESSAGES: dict[str, T] = {**NAMES, **PLACEHOLDERS, **NEW}
