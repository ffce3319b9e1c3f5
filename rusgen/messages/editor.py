"""What the editor in the browser says: names of its collections, hints under fields, and
the box that shows rusgen's messages after a save."""

from rusgen.messages.template import Template as T

COLLECTIONS = {
    "editor.pages": T(sv="{region}: sidor", en="{region}: pages"),
    "editor.pages_in": T(sv="{region}: sidor i {folder}/", en="{region}: pages in {folder}/"),
    "editor.events": T(sv="{region}: evenemang", en="{region}: events"),
    "editor.news": T(sv="{region}: nyheter", en="{region}: news"),
    "editor.settings": T(sv="{region}: inställningar och kontakter",
                         en="{region}: settings and contacts"),
    "editor.region_file": T(sv="Regionens inställningar (region.yaml)",
                            en="The region's settings (region.yaml)"),
    "editor.contacts_file": T(sv="Kontaktpersoner (contacts.yaml)", en="Contacts (contacts.yaml)"),
    "editor.contact": T(sv="{name} ({id})", en="{name} ({id})"),
    "editor.contacts_hint": T(
        sv="En ny kontaktperson skrivs in i contacts.yaml i en texteditor (se guiden); här "
        "ändrar du dem som finns.",
        en="A new contact is written into contacts.yaml in a text editor (see the guide); here "
        "you change the ones there are.",
    ),
    "editor.body": T(sv="Text", en="Text"),
    "editor.body_hint": T(
        sv="Sidans text. Rubriker i texten börjar på nivå 2 (##); sidans rubrik är den enda "
        "huvudrubriken.",
        en="The page's text. Headings in the text start at level 2 (##); the page's title is its "
        "only main heading.",
    ),
    "editor.terms_hint": T(sv="Termer ur regionens gruppering {title}.",
                           en="Terms of the region's grouping {title}."),
    "editor.moment_hint": T(sv="{help} Tidszon: {timezone}.", en="{help} Time zone: {timezone}."),
}

PATTERNS = {
    "editor.pattern.url": T(sv="Skriv hela adressen, som {example}",
                            en="Write the whole address, like {example}"),
    "editor.pattern.email": T(sv="Skriv en e-postadress, som {example}",
                              en="Write an e-mail address, like {example}"),
    "editor.pattern.slug": T(sv="Små bokstäver a–z, siffror och bindestreck, som {example}",
                             en="Lower-case letters a–z, digits and hyphens, like {example}"),
    "editor.pattern.time": T(sv="Skriv klockslaget som {example}", en="Write the time like {example}"),
}

# The admin page's own words, handed to its script (admin.*; the backend's are editor.*).
PAGE = {
    "admin.title": T(sv="Redigera webbplatsen", en="Edit the site"),
    "admin.saved": T(sv="Sparat. Sidan finns i förhandsvisningen:",
                      en="Saved. The page is in the preview:"),
    "admin.saved_no_page": T(sv="Sparat.", en="Saved."),
    "admin.problems": T(sv="Sparat, men rusgen hittade det här att rätta i {path}:",
                         en="Saved, but rusgen found this to fix in {path}:"),
    "admin.line": T(sv="rad {line}", en="line {line}"),
    "admin.close": T(sv="Stäng", en="Close"),
    "admin.no_answer": T(
        sv="Sparat, men förhandsvisningen svarade inte; titta i terminalen där rusgen serve körs.",
        en="Saved, but the preview did not answer; look in the terminal where rusgen serve runs.",
    ),
    "admin.preview_waiting": T(sv="Förhandsvisningen laddas …", en="The preview is loading …"),
    "admin.preview_failed": T(
        sv="Förhandsvisningen svarade inte; titta i terminalen där rusgen serve körs.",
        en="The preview did not answer; look in the terminal where rusgen serve runs.",
    ),
}

MESSAGES: dict[str, T] = {**COLLECTIONS, **PATTERNS, **PAGE}
