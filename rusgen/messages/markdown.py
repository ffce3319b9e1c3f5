"""Messages about the Markdown of a page body: links, images, headings."""

from rusgen.messages.template import Template as T

MESSAGES = {
    # What a problem in a page body is about, where a front matter problem names its field.
    "part.link": T(sv="länk", en="link"),
    "part.image": T(sv="bild", en="image"),
    "part.heading": T(sv="rubrik", en="heading"),
    "link.advice": T(
        sv="länka till en sida med dess fil (kraftsamlingar/index.md), med dess adress "
        "(/kraftsamlingar/) eller till en fil i files/ (files/rapport.pdf)",
        en="link to a page by its file (kraftsamlingar/index.md), by its address "
        "(/kraftsamlingar/), or to a file in files/ (files/rapport.pdf)",
    ),
    "link.missing": T(
        sv='det finns ingen sida eller fil "{href}" i {folder}/; {advice}',
        en='no page or file "{href}" in {folder}/; {advice}',
    ),
    "link.missing_close": T(
        sv='det finns ingen sida eller fil "{href}" i {folder}/; menar du {close}? Skriv '
        "[{text}]({close})",
        en='no page or file "{href}" in {folder}/; did you mean {close}? Write [{text}]({close})',
    ),
    "link.needs_slash": T(
        sv='"{href}" är en adress på webbplatsen, och en sådan börjar med /; skriv [{text}]({address})',
        en='"{href}" is an address within the site, and those start with /; write '
        "[{text}]({address})",
    ),
    "image.missing": T(
        sv='det finns ingen bild "{href}" i {folder}/; lägg bildfilen i mappen {folder}/files/ och '
        "skriv ![{text}](files/{name})",
        en='no image "{href}" in {folder}/; put the image file in {folder}/files/ and write '
        "![{text}](files/{name})",
    ),
    "link.as_text_space": T(
        sv='filnamnet "{target}" har mellanslag, och en länk kan inte ha mellanslag i adressen, så '
        "den visas som vanlig text på sidan; byt namn på filen till {fixed} och skriv {example}",
        en='the file name "{target}" has a space, and a link cannot have a space in its address, '
        "so it is shown as plain text on the page; rename the file {fixed} and write {example}",
    ),
    "link.as_text_web_space": T(
        sv='adressen "{target}" har mellanslag, så länken visas som vanlig text på sidan; skriv '
        "%20 i stället för varje mellanslag: {example}",
        en='the address "{target}" has a space, so the link is shown as plain text on the page; '
        "write %20 for each space: {example}",
    ),
    "link.as_text_gap": T(
        sv='"{written}" visas som vanlig text på sidan, eftersom det står ett mellanslag mellan ] '
        "och (; ta bort mellanslaget: {example}",
        en='"{written}" is shown as plain text on the page, because there is a space between ] '
        "and (; remove the space: {example}",
    ),
    "link.as_text_chars": T(
        sv='adressen "{target}" innehåller {chars}, som en länk inte kan ha, så länken visas som '
        "vanlig text på sidan; byt namn på filen till {fixed} och skriv {example}",
        en='the address "{target}" holds {chars}, which a link cannot have, so the link is '
        "shown as plain text on the page; rename the file {fixed} and write {example}",
    ),
    "link.as_text_unclosed": T(
        sv='"{written}" visas som vanlig text på sidan, eftersom länken saknar ) på slutet; skriv '
        "den som [text](adress), med ) efter adressen",
        en='"{written}" is shown as plain text on the page, because the link has no ) at its '
        "end; write it as [text](address), with ) after the address",
    ),
    "image.no_alt": T(
        sv='bilden "{src}" har ingen beskrivning; skriv vad bilden visar för den som inte ser den, '
        "som {example}, eller {decor} om bilden bara är dekoration",
        en='the image "{src}" has no description; write what it shows for readers who cannot '
        "see it, like {example}, or {decor} if it is only decoration",
    ),
    "image.alt_file_name": T(
        sv='bildens beskrivning "{alt}" är ett filnamn, som skärmläsare läser upp; skriv vad '
        "bilden visar, som {example}, eller {decor} om bilden bara är dekoration",
        en='the image\'s description "{alt}" is a file name, which screen readers read aloud; '
        "write what the image shows, like {example}, or {decor} if it is only decoration",
    ),
    "image.alt_vague": T(
        sv='bildens beskrivning "{alt}" säger bara att det är en bild, inte vad den visar; skriv '
        "vad man ser, som {example}, eller {decor} om bilden bara är dekoration",
        en='the image\'s description "{alt}" only says that it is an image, not what it shows; '
        "write what one sees, like {example}, or {decor} if it is only decoration",
    ),
    "heading.level_one": T(
        sv="en rubrik på nivå 1 (# ...) i texten; sidans titel är sidans enda huvudrubrik, så "
        "börja textens rubriker med ## (nivå 2)",
        en="a level 1 heading (# ...) in the body; the page title is the page's only h1, so "
        "start the body's headings at ## (h2)",
    ),
    "heading.skips": T(
        sv="rubriken hoppar från nivå {previous} till nivå {level}; skriv {marks} (nivå {expected}) "
        "här, så att den som använder skärmläsare kan följa sidans rubriker",
        en="the heading skips from h{previous} to h{level}; use {marks} (h{expected}) here, so "
        "screen reader users can follow the outline",
    ),
    "link.new_window": T(
        sv='länken öppnas i ett nytt fönster utan att säga det; lägg till "(öppnas i nytt fönster)" '
        "i länktexten, eller hellre: ta bort target så att läsaren själv väljer",
        en='the link opens a new window without saying so; add "(öppnas i nytt fönster)" to its '
        "text, or better, remove target and let the reader choose",
    ),
}
