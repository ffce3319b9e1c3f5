"""Messages about what a field refers to: files, contacts, terms, pages, regions, dates."""

from rusgen.messages.template import Template as T

MESSAGES = {
    "region.no_parent": T(
        sv='det finns ingen region "{parent}" i content/; skriv namnet på huvudregionens mapp',
        en='no region "{parent}" in content/; write the folder name of the parent',
    ),
    "region.same_folder": T(
        sv="adressens sökväg ger mappen {folder}/ i utdata, samma som eller inuti mappen {taken}/ "
        "som {other} har; ge regionerna olika sökvägar, som https://rus.example.se/vg/ och "
        "https://rus.example.se/jh/",
        en="the address's path gives the folder {folder}/ in the output, the same as or inside "
        "the folder {taken}/ that {other} has; give the regions different paths, like "
        "https://rus.example.se/vg/ and https://rus.example.se/jh/",
    ),
    "region.no_settings": T(
        sv="filen saknas; varje regionmapp behöver en region.yaml med minst name, organisation "
        "och base_url",
        en="missing; every region folder needs a region.yaml with at least name, organisation "
        "and base_url",
    ),
    "region.timezone": T(
        sv='okänd tidszon "{zone}"; skriv `timezone: Europe/Stockholm`',
        en='unknown time zone "{zone}"; write `timezone: Europe/Stockholm`',
    ),
    "region.color_format": T(
        sv='en färg skrivs med # och sex tecken inom citattecken, som `color: "#00609c"`, men här '
        'står "{color}"',
        en='expected a colour like `color: "#00609c"` (in quotes), got "{color}"',
    ),
    "region.color_contrast": T(
        sv="{color} har kontrasten {ratio}:1 mot vitt; text behöver minst {needed}:1 (WCAG 2.1 AA); "
        "välj en mörkare färg",
        en="{color} has a contrast of {ratio}:1 on white; text needs at least {needed}:1 "
        "(WCAG 2.1 AA); choose a darker colour",
    ),
    "file.missing": T(
        sv='det finns ingen fil "{file}" i {folder}/; lägg filen där eller rätta sökvägen',
        en='no file "{file}" in {folder}/; put the file there or correct the path',
    ),
    "logo.kind": T(
        sv='logotypen "{file}" måste vara en SVG- eller PNG-fil; spara den som .svg eller .png i files/',
        en='the logo "{file}" must be an SVG or PNG file; save it as .svg or .png in files/',
    ),
    "contact.id": T(
        sv="ett kontakt-id skrivs med små bokstäver och bindestreck, som robin-kalmendal",
        en="a contact id is written in lower case with hyphens, like robin-kalmendal",
    ),
    "contact.fields": T(
        sv="personens fält ska stå indragna på raderna under, som `  name: Robin Kalmendal`, men "
        "här står {got}",
        en="expected the person's fields beneath it (name: ...), got {got}",
    ),
    "contact.unknown": T(
        sv='det finns ingen kontakt "{contact}" i {folder}/contacts.yaml (de som finns: {known})',
        en='no contact "{contact}" in {folder}/contacts.yaml (known: {known})',
    ),
    "contact.none_yet": T(sv="inga ännu", en="none yet"),
    "taxonomy.id": T(
        sv="en gruppering skrivs med små bokstäver och bindestreck och får inte heta som ett "
        "sidfält, som kraftsamlingar",
        en="a taxonomy id is a lower-case word with hyphens that is not a page field, like "
        "kraftsamlingar",
    ),
    "taxonomy.reserved": T(
        sv="grupperingens sida skulle få adressen /{id}/, som rusgen redan använder för en egen "
        "sida eller mapp; välj ett annat id, som {id}-omraden",
        en="the grouping's page would get the address /{id}/, which rusgen already uses for a page "
        "or folder of its own; choose another id, like {id}-areas",
    ),
    "term.id": T(
        sv="ett term-id skrivs med små bokstäver och bindestreck, som elektrifiering",
        en="a term id is written in lower case with hyphens, like elektrifiering",
    ),
    "term.unknown": T(
        sv='det finns ingen term "{term}" i {folder}/region.yaml (de som finns: {known})',
        en='no term "{term}" in {folder}/region.yaml (known: {known})',
    ),
    "statement.required": T(
        sv="saknas: varje offentlig webbplats ska ha en tillgänglighetsredogörelse; lägg till ett "
        "block som\n{example}",
        en="required: every public site must publish an accessibility statement "
        "(tillgänglighetsredogörelse); add a block like\n{example}",
    ),
    "statement.feedback": T(
        sv="saknas: hur läsare rapporterar brister; lägg till en rad som "
        "`feedback: {{email: tillganglighet@example.se}}` (email, url eller phone)",
        en="required: how readers report inaccessible content; add a line like "
        "`feedback: {{email: tillganglighet@example.se}}` (email, url or phone)",
    ),
    "statement.status": T(
        sv="saknas; skriv hur webbplatsen uppfyller lagen: `status: helt`, `status: delvis` eller "
        "`status: inte` (förenlig med lagen)",
        en="required; write how the site complies with the law: `status: helt`, `status: delvis` "
        "or `status: inte` (förenlig med lagen)",
    ),
    "statement.issues_missing": T(
        sv="status: {status} betyder att webbplatsen har brister, men inga brister står under "
        "known_issues; skriv varje känd brist på en egen rad, som\n  known_issues:\n    - Vissa "
        "äldre PDF-dokument är inte tillgängliga.\neller skriv status: helt om inga brister finns",
        en="status: {status} means the site has known issues, but none are listed under "
        "known_issues; write each known issue on a line of its own, like\n  known_issues:\n    - "
        "Vissa äldre PDF-dokument är inte tillgängliga.\nor write status: helt if there are none",
    ),
    "statement.issues_but_full": T(
        sv="status: helt betyder att webbplatsen uppfyller lagen helt, men {issues} står "
        "under known_issues; skriv status: delvis, eller ta bort bristerna som är åtgärdade",
        en="status: helt says the site complies fully, but {issues} are listed under known_issues; "
        "write status: delvis, or remove the issues that are fixed",
    ),
    "page.language": T(
        sv='filnamnet säger språket "{lang}", men {folder}/region.yaml har languages: [{languages}]; '
        "lägg till språket där eller byt namn på filen",
        en='the file name says language "{lang}", but {folder}/region.yaml lists languages: '
        "[{languages}]; add it there or rename the file",
    ),
    "image.alt": T(
        sv='saknas: beskriv bilden för den som inte ser den, som alt: "Två personer vid ett bord", '
        'eller skriv alt: "" om den bara är dekoration',
        en='required: describe the image for readers who cannot see it, like alt: "Två personer '
        'vid ett bord", or write alt: "" if it is only decoration',
    ),
    "image.broken": T(
        sv="bilden {file} går inte att läsa: filen är skadad, avkortad eller ingen JPEG- eller "
        "PNG-bild; spara den igen som JPEG eller PNG, till exempel med Paint eller Foto, och "
        "lägg den i files/ på nytt",
        en="the image {file} cannot be read: the file is damaged, cut short or not a JPEG or "
        "PNG image; save it again as JPEG or PNG, for example with Paint or Photos, and put "
        "it in files/ again",
    ),
    "image.too_large": T(
        sv="bilden {file} har {pixels} miljoner pixlar, fler än en webbsida behöver (högst "
        "{limit} miljoner); förminska den, till exempel med Paint eller Foto, till 4000 pixlar "
        "på bredden",
        en="the image {file} has {pixels} million pixels, more than a web page needs (at "
        "most {limit} million); make it smaller, for example with Paint or Photos, to 4000 "
        "pixels wide",
    ),
    "document.justification": T(
        sv="ett undantag för {file} behöver en motivering: skriv `justification:` med varför "
        "dokumentet inte görs tillgängligt; den visas i tillgänglighetsredogörelsen",
        en="an exemption for {file} needs a justification: write `justification:` with why the "
        "document is not made accessible; the accessibility statement shows it",
    ),
    "document.alternative": T(
        sv='det finns ingen sida "{alternative}" i {folder}/; skriv sökvägen till sidans fil, '
        "som strategin.md eller kraftsamlingar/index.md",
        en='no page "{alternative}" in {folder}/; write the path of the page\'s file, like '
        "strategin.md or kraftsamlingar/index.md",
    ),
    "alias.invalid": T(
        sv='ska vara en gammal adress på webbplatsen, som /gamla-adressen/, men här står "{alias}"',
        en='expected an old address within the site like /gamla-adressen/, got "{alias}"',
    ),
    "event.all_day_end": T(
        sv="starten är bara ett datum (heldag), så slutet ska också vara bara ett datum",
        en="the start is a date alone (all day), so the end must be a date too",
    ),
    "event.end_before_start": T(
        sv="evenemanget slutar ({end}) innan det börjar ({start}); rätta en av dem",
        en="the event ends ({end}) before it starts ({start}); correct one of them",
    ),
    "url.claimed": T(
        sv="adressen /{url} används redan av {other}; byt namn på en av filerna, eller ge sidan en "
        "egen adress med en rad som `slug: nytt-namn`",
        en="the address /{url} is also claimed by {other}; rename one of the files, or give the "
        "page an address of its own with a line like `slug: new-name`",
    ),
    "alias.claimed": T(
        sv="{alias} är samma adress som /{url}, som redan används av {other}; ett alias får inte "
        "ta över en annan sidas eller fils adress; ta bort det ur aliases",
        en="{alias} is the same address as /{url}, already used by {other}; an alias may not take "
        "over another page's or file's address; remove it from aliases",
    ),
    "theme.name": T(
        sv="ett tema anges med namnet på en mapp i themes/, som `theme: default`; {got} går inte "
        "att använda",
        en="a theme is named by a folder of themes/, like `theme: default`; {got} cannot be used",
    ),
    "menu.unknown": T(
        sv='det finns ingen sida "{entry}"; skriv en sidas sökväg utan .md (som kraftsamlingar), '
        "eller events eller news",
        en='no page "{entry}"; write a page path without .md (like kraftsamlingar), or events or news',
    ),
    "menu.word": T(
        sv='"{entry}" skrivs {word} i menyn; ändra till `menu: [..., {word}, ...]`',
        en='"{entry}" is written {word} in the menu; change it to `menu: [..., {word}, ...]`',
    ),
}
