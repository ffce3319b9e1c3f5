"""Messages about one field of a YAML file or front matter: its type, presence and values."""

from rusgen.messages.template import Template as T

MESSAGES = {
    "field.required": T(
        sv="saknas; lägg till en rad som `{field}: {example}`",
        en="required; add a line like `{field}: {example}`",
    ),
    "field.empty": T(
        sv="får inte vara tomt; skriv till exempel `{field}: {example}`",
        en="must not be empty; write something like `{field}: {example}`",
    ),
    "field.text": T(
        sv="ska vara en text, som `{field}: {example}`, men här står {got}",
        en="expected text like `{field}: {example}`, got {got}",
    ),
    "field.bool": T(
        sv="skriv `{field}: true` (ja) eller `{field}: false` (nej), inte {got}",
        en="expected `{field}: true` or `{field}: false`, got {got}",
    ),
    "field.int": T(
        sv="ska vara ett heltal, som `{field}: 10`, men här står {got}",
        en="expected a whole number like `{field}: 10`, got {got}",
    ),
    "field.date": T(
        sv="ska vara ett datum skrivet år-månad-dag, som `{field}: 2021-05-27`, men här står {got}",
        en="expected a date like `{field}: 2021-05-27`, got {got}",
    ),
    "field.datetime": T(
        sv="ska vara datum och klockslag, som `{field}: 2020-10-15 09:30` (eller bara ett datum, "
        "2020-10-15), men här står {got}",
        en="expected a date and time like `{field}: 2020-10-15 09:30` (or a date like 2020-10-15), "
        "got {got}",
    ),
    "field.time": T(
        sv="ska vara ett klockslag, som `{field}: \"09:30\"` eller `{field}: \"9.30\"`, men här står {got}",
        en="expected a time of day like `{field}: \"09:30\"` or `{field}: \"9.30\"`, got {got}",
    ),
    "field.choice": T(
        sv="{got} går inte att använda här; skriv ett av: {choices}",
        en="{got} is not one of the values; write one of: {choices}",
    ),
    "field.choice_word": T(
        sv="{got} skrivs `{field}: {value}` ({label}); ändra raden till `{field}: {value}`",
        en="{got} is written `{field}: {value}` ({label}); change the line to `{field}: {value}`",
    ),
    "field.map": T(
        sv="ska ha egna fält på raderna under sig, som {example}, men här står {got}",
        en="expected fields beneath it, like {example}, got {got}",
    ),
    "field.list": T(
        sv="ska vara en lista, som `{field}: [a, b]`, men här står {got}",
        en="expected a list like `{field}: [a, b]`, got {got}",
    ),
    "field.list_item": T(
        sv="varje punkt i listan ska vara ett namn, som `{field}: [a, b]`, men här står {got}",
        en="expected a list of names like `{field}: [a, b]`, got {got}",
    ),
    "field.list_of_maps": T(
        sv="varje punkt i listan skrivs med sina fält, som {example}",
        en="each item is written with its fields, like {example}",
    ),
    "field.unknown_close": T(
        sv="okänt fält, så det används inte; menade du `{close}`?",
        en="unknown field, so it is not used; did you mean `{close}`?",
    ),
    "field.unknown": T(
        sv="okänt fält, så det används inte; fälten som finns här är: {known}",
        en="unknown field, so it is not used; the fields here are: {known}",
    ),
    "field.slug": T(
        sv="skrivs med små bokstäver a–z, siffror och bindestreck, som `{field}: {example}`, "
        "men här står {got}",
        en="expected lower-case letters a–z, digits and hyphens like `{field}: {example}`, got {got}",
    ),
    "field.url": T(
        sv="ska vara en fullständig webbadress som börjar med https://, som `{field}: {example}`, "
        "men här står {got}",
        en="expected a full web address starting with https://, like `{field}: {example}`, got {got}",
    ),
    "field.url_scheme": T(
        sv="{got} publiceras inte: en länk som börjar med {scheme}: kan köra kod i läsarens "
        "webbläsare eller fungerar inte för alla; skriv en webbadress som börjar med https://, som "
        "`{field}: {example}`",
        en="{got} is not published: a link starting with {scheme}: can run code in the reader's "
        "browser or does not work for everyone; write a web address starting with https://, like "
        "`{field}: {example}`",
    ),
    "field.url_no_scheme": T(
        sv="{got} saknar https:// i början, så länken skulle leda fel; skriv `{field}: {fixed}`",
        en="{got} lacks https:// at the start, so the link would lead nowhere; write "
        "`{field}: {fixed}`",
    ),
    "field.email": T(
        sv="ska vara en e-postadress, som `{field}: {example}`, men här står {got}",
        en="expected an e-mail address like `{field}: {example}`, got {got}",
    ),
    "field.phone": T(
        sv="ska vara ett telefonnummer inom citattecken, som `{field}: \"010-441 00 00\"`, "
        "men här står {got}",
        en="expected a phone number in quotes, like `{field}: \"010-441 00 00\"`, got {got}",
    ),
    "field.language": T(
        sv="språk skrivs med två bokstäver, som `{field}: [sv, en]`, men här står {got}",
        en="expected two-letter language codes like `{field}: [sv, en]`, got {got}",
    ),
    "field.translation_lang": T(
        sv="`{lang}` är inte ett av regionens språk ({languages}); skriv en text per språk, "
        "som `{field}: {example}`",
        en="`{lang}` is not one of the region's languages ({languages}); write one text per "
        "language, like `{field}: {example}`",
    ),
    "field.translation_default": T(
        sv="texten på `{lang}`, regionens första språk, saknas; lägg till den, som `{field}: {example}`",
        en="the text in `{lang}`, the region's first language, is missing; add it, like "
        "`{field}: {example}`",
    ),
    "got.list": T(sv="en lista", en="a list"),
    "got.map": T(sv="en grupp av fält", en="a group of fields"),
    "got.nothing": T(sv="ingenting", en="nothing"),
    "choice.or": T(sv="eller", en="or"),
}
