"""Messages about the Markdown of a page body: links, images, headings, raw HTML."""

from rusgen.messages.template import Template as T

MESSAGES = {
    # What a problem in a page body is about, where a front matter problem names its field.
    "part.link": T(sv="länk", en="link"),
    "part.image": T(sv="bild", en="image"),
    "part.heading": T(sv="rubrik", en="heading"),
    "part.html": T(sv="html", en="html"),
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
    # Addresses that must never reach a reader: a script, another host's image.
    "link.unsafe_scheme": T(
        sv='länken "{href}" publiceras inte: en adress som börjar med {scheme}: kan köra skript i '
        "läsarens webbläsare; länka till en webbadress (https://...), en e-postadress (mailto:...), "
        "ett telefonnummer (tel:...) eller en sida eller fil på webbplatsen",
        en='the link "{href}" is not published: an address that starts with {scheme}: can run '
        "script in the reader's browser; link to a web address (https://...), an e-mail address "
        "(mailto:...), a phone number (tel:...) or a page or file of the site",
    ),
    "link.other_scheme": T(
        sv='länken "{href}" börjar med {scheme}:, och en sådan adress kan läsarens webbläsare inte '
        "öppna som en sida; länka till en webbadress (https://...), en e-postadress (mailto:...), "
        "ett telefonnummer (tel:...) eller en sida eller fil på webbplatsen",
        en='the link "{href}" starts with {scheme}:, which the reader\'s browser cannot open as a '
        "page; link to a web address (https://...), an e-mail address (mailto:...), a phone "
        "number (tel:...) or a page or file of the site",
    ),
    "image.not_a_file": T(
        sv='bilden "{src}" publiceras inte: en bild ska vara en fil på webbplatsen, inte en adress '
        "som börjar med {scheme}:; spara bilden i mappen {folder}/files/ och skriv {example}",
        en='the image "{src}" is not published: an image must be a file of the site, not an '
        "address that starts with {scheme}:; save the image in {folder}/files/ and write {example}",
    ),
    "image.other_host": T(
        sv='bilden "{src}" hämtas från en annan webbplats, {host}, och då får den webbplatsen veta '
        "vem som läser sidan; spara bilden i mappen {folder}/files/ och skriv {example}",
        en='the image "{src}" is fetched from another site, {host}, which then learns who reads '
        "the page; save the image in {folder}/files/ and write {example}",
    ),
    "html.url_other_host": T(
        sv='<{tag}> hämtar "{url}" från en annan webbplats, {host}, och då får den webbplatsen veta '
        "vem som läser sidan; spara bilden i mappen {folder}/files/ och visa den med {example}",
        en='<{tag}> fetches "{url}" from another site, {host}, which then learns who reads the '
        "page; save the image in {folder}/files/ and show it with {example}",
    ),
    # Raw HTML the cleaner removed: the page is published without it.
    "html.script": T(
        sv="<script> togs bort: skript får inte finnas i texten, de skulle köras i läsarens "
        "webbläsare; ta bort det",
        en="<script> was removed: the text may not hold scripts, they would run in the reader's "
        "browser; remove it",
    ),
    "html.event": T(
        sv="attributet {attr} på <{tag}> togs bort: det är ett skript som körs i läsarens "
        "webbläsare, och skript får inte finnas i texten; ta bort det",
        en="the attribute {attr} on <{tag}> was removed: it is a script that runs in the reader's "
        "browser, and the text may not hold scripts; remove it",
    ),
    "html.embed": T(
        sv="<{tag}> togs bort: något som bäddas in i texten hämtas oftast från en annan webbplats, "
        "som då får veta vem som läser sidan, och kan köra skript; länka till det i stället: "
        "{example}",
        en="<{tag}> was removed: what is embedded in the text is mostly fetched from another "
        "site, which then learns who reads the page, and it can run script; link to it instead: "
        "{example}",
    ),
    "html.style_element": T(
        sv="<style> togs bort: texten kan inte ha en egen formgivning, sidans utseende kommer från "
        "temat; ta bort det",
        en="<style> was removed: the text cannot carry styling of its own, the look of the page "
        "comes from the theme; remove it",
    ),
    "html.style_attr": T(
        sv="attributet style på <{tag}> togs bort: texten kan inte ha en egen formgivning, sidans "
        "utseende kommer från temat; ta bort det",
        en="the attribute style on <{tag}> was removed: the text cannot carry styling of its own, "
        "the look of the page comes from the theme; remove it",
    ),
    "html.form": T(
        sv="<{tag}> togs bort: ett formulär i texten kan inte skicka svaren någonstans, eftersom "
        "webbplatsen inte har något som tar emot dem; länka i stället till formuläret där det finns",
        en="<{tag}> was removed: a form in the text cannot send its answers anywhere, since the "
        "site has nothing that receives them; link to the form where it lives instead",
    ),
    "html.svg": T(
        sv="<{tag}> togs bort: en bild som ritas direkt i texten kan innehålla skript; spara bilden "
        "som en fil i mappen files/ och visa den med ![Beskrivning av bilden](files/bild.svg)",
        en="<{tag}> was removed: an image drawn right in the text can hold script; save the image "
        "as a file in files/ and show it with ![Beskrivning av bilden](files/bild.svg)",
    ),
    "html.element": T(
        sv="<{tag}> togs bort, men texten i den står kvar: det hör inte till det som texten på en "
        "sida kan innehålla; skriv texten med Markdown i stället",
        en="<{tag}> was removed, but the text in it stays: it is not among what the text of a "
        "page can hold; write the text in Markdown instead",
    ),
    "html.element_empty": T(
        sv="<{tag}> togs bort: det hör inte till det som texten på en sida kan innehålla; ta bort det",
        en="<{tag}> was removed: it is not among what the text of a page can hold; remove it",
    ),
    "html.attribute": T(
        sv="attributet {attr} på <{tag}> togs bort: det hör inte till det som texten på en sida kan "
        "innehålla; ta bort det",
        en="the attribute {attr} on <{tag}> was removed: it is not among what the text of a page "
        "can hold; remove it",
    ),
    "html.scheme": T(
        sv='{attr}="{url}" på <{tag}> togs bort: en adress som börjar med {scheme}: kan köra '
        "skript eller öppna något annat än en sida; skriv en webbadress (https://...), en "
        "e-postadress (mailto:...), ett telefonnummer (tel:...) eller en sida eller fil på "
        "webbplatsen",
        en='{attr}="{url}" on <{tag}> was removed: an address that starts with {scheme}: can '
        "run script or open something other than a page; write a web address (https://...), an "
        "e-mail address (mailto:...), a phone number (tel:...) or a page or file of the site",
    ),
}
