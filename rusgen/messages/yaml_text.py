"""Messages about reading a file: its encoding, a page's front matter, YAML's traps and syntax."""

from rusgen.messages.template import Template as T

UNREADABLE_SV = "raden går inte att läsa: "
UNREADABLE_EN = "this line cannot be read: "

MESSAGES = {
    "file.not_utf8": T(
        sv="filen är inte sparad som UTF-8; spara den som UTF-8 i din textredigerare (i "
        "Anteckningar: Arkiv, Spara som, Kodning: UTF-8)",
        en="the file is not saved as UTF-8 text; save it as UTF-8 in your editor (in Notepad: "
        "File, Save as, Encoding: UTF-8)",
    ),
    "file.not_fields": T(
        sv="filen ska innehålla fält, ett per rad, som `{example}`",
        en="expected fields, one a line, like `{example}`",
    ),
    "page.no_front_matter": T(
        sv="en sida börjar med ett huvud: en rad ---, sedan en rad som `title: Om oss`, sedan en "
        "rad ---; lägg till de raderna överst i filen",
        en="a page starts with front matter: a line ---, then a line like `title: Om oss`, then a "
        "line ---; add those lines at the top of the file",
    ),
    "page.unclosed_front_matter": T(
        sv="huvudet som börjar med --- på rad 1 avslutas aldrig; lägg till en rad --- efter det "
        "sista fältet",
        en="the front matter opened on line 1 is never closed; add a line --- after the last field",
    ),
    "page.front_not_fields": T(
        sv="huvudet mellan raderna --- ska innehålla fält, ett per rad, som `title: Om oss`",
        en="the front matter between the lines --- must be fields, one a line, like `title: Om oss`",
    ),
    # Values YAML read, but not as they were meant.
    "yaml.comment_in_value": T(
        sv='texten efter # ("{dropped}") räknas som en kommentar och kommer inte med; sätt hela '
        "värdet inom citattecken: {example} (är det en kommentar, skriv den på en egen rad)",
        en='the text after # ("{dropped}") counts as a comment and is left out; put the whole '
        "value in quotes: {example} (if it is a comment, write it on a line of its own)",
    ),
    "yaml.color_comment": T(
        sv="färgen måste stå inom citattecken, annars läses # som början på en kommentar; skriv "
        "{example}",
        en="the colour must be in quotes, or # is read as the start of a comment; write {example}",
    ),
    "yaml.empty_comment": T(
        sv='värdet blir tomt, eftersom # läses som början på en kommentar ("{dropped}"); är texten '
        "värdet, sätt den inom citattecken: {example}",
        en='the value is empty, because # is read as the start of a comment ("{dropped}"); if '
        "that text is the value, put it in quotes: {example}",
    ),
    # YAML that cannot be read, each on the line where the mistake is.
    "yaml.colon": T(
        sv=UNREADABLE_SV + "ett kolon inne i ett värde; sätt värdet inom citattecken, som {example}",
        en=UNREADABLE_EN + "a colon inside a value; put the value in quotes, like {example}",
    ),
    "yaml.indent_deeper": T(
        sv=UNREADABLE_SV + "den är indragen längre än raden ovanför, så {key} blir en del av "
        "värdet där; låt raden börja lika långt in som raden ovanför",
        en=UNREADABLE_EN + "it is indented further than the line above, so {key} becomes part "
        "of the value there; start the line as far in as the line above",
    ),
    "yaml.tab": T(
        sv=UNREADABLE_SV + "den har ett tabbtecken (från tangenten Tab); gör indraget med "
        "mellanslag i stället",
        en=UNREADABLE_EN + "it holds a tab character (from the Tab key); indent with spaces instead",
    ),
    "yaml.no_colon": T(
        sv=UNREADABLE_SV + "den är varken ett fält med kolon, som `title: Om oss`, eller en punkt "
        "i en lista, som `- robin-kalmendal`; lägg till det som fattas, eller dra in raden om den "
        "fortsätter värdet på raden ovanför",
        en=UNREADABLE_EN + "it is neither a field with a colon, like `title: Om oss`, nor an item "
        "of a list, like `- robin-kalmendal`; add what is missing, or indent the line if it goes "
        "on with the value of the line above",
    ),
    "yaml.list_item": T(
        sv=UNREADABLE_SV + "här står en punkt i en lista (-) där ett fält väntades; skriv listans "
        "fält på raden ovanför, som `contacts:`, och dra in punkterna med två mellanslag",
        en=UNREADABLE_EN + "a list item (-) stands where a field was expected; write the list's "
        "field on the line above, like `contacts:`, and indent the items by two spaces",
    ),
    "yaml.indent": T(
        sv=UNREADABLE_SV + "indraget stämmer inte med raderna ovanför; fält på samma nivå ska "
        "börja lika långt in, och fälten inne i ett annat fält dras in två mellanslag",
        en=UNREADABLE_EN + "the indentation does not match the lines above; fields on the same "
        "level start as far in, and the fields within a field are indented by two spaces",
    ),
    "yaml.after_quote": T(
        sv=UNREADABLE_SV + "det står text efter citattecknet som avslutar värdet; sätt "
        "citattecken runt hela värdet, som {example}",
        en=UNREADABLE_EN + "there is text after the quote mark that ends the value; put quotes "
        "around the whole value, like {example}",
    ),
    "yaml.unclosed_quote": T(
        sv=UNREADABLE_SV + "citattecknet {quote} i början av värdet avslutas aldrig; sätt ett "
        "{quote} sist i värdet också",
        en=UNREADABLE_EN + "the quote mark {quote} that opens the value is never closed; put a "
        "{quote} at the end of the value too",
    ),
    "yaml.special_start": T(
        sv=UNREADABLE_SV + "ett värde kan inte börja med {char}; sätt värdet inom citattecken, "
        "som {example}",
        en=UNREADABLE_EN + "a value cannot start with {char}; put the value in quotes, like "
        "{example}",
    ),
    "yaml.flow": T(
        sv=UNREADABLE_SV + "det som börjar med {open} avslutas inte med {close} på samma rad; "
        "avsluta med {close}, och sätt värden med kolon eller kommatecken inom citattecken",
        en=UNREADABLE_EN + "what starts with {open} is not closed with {close} on the same line; "
        "close it with {close}, and put values with a colon or comma in quotes",
    ),
    "yaml.escape": T(
        sv=UNREADABLE_SV + "ett omvänt snedstreck \\ inom dubbla citattecken måste skrivas "
        "dubbelt, \\\\; eller sätt värdet inom enkla citattecken '...'",
        en=UNREADABLE_EN + "a backslash \\ within double quotes must be written twice, \\\\; "
        "or put the value in single quotes '...'",
    ),
    "yaml.duplicate": T(
        sv="fältet står två gånger (första gången på rad {first}); ta bort den ena raden",
        en="the field is written twice (first on line {first}); remove one of the lines",
    ),
    "yaml.two_docs": T(
        sv="raden --- delar filen i två delar; ta bort den, så att alla fält står i samma del",
        en="the line --- splits the file in two; remove it so that all fields are in one part",
    ),
    "yaml.control_char": T(
        sv="raden har ett osynligt tecken ({char}) som inte får finnas i en text; skriv om raden "
        "utan det",
        en="the line holds an invisible character ({char}) that text may not contain; write the "
        "line again without it",
    ),
    "yaml.word_quotes": T(
        sv=UNREADABLE_SV + "citattecknen {marks} kommer från Word och räknas inte som "
        'citattecken här; skriv raka citattecken "..." runt hela värdet, som {example}',
        en=UNREADABLE_EN + "the quote marks {marks} come from Word and do not count as quotes "
        'here; write straight quotes "..." around the whole value, like {example}',
    ),
    "yaml.unreadable": T(
        sv="raden går inte att läsa; se efter att indraget, kolonen och citattecknen stämmer",
        en="this line cannot be read; check its indentation, colons and quote marks",
    ),
}
