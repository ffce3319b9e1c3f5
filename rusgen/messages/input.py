"""Messages about input that must not be read as it stands: links, special files, odd names, YAML
that would exhaust the machine, and dates no calendar can hold."""

from rusgen.messages.template import Template as T

MESSAGES = {
    # Files and folders in content/, each message after the name of the file it is about.
    "file.link_outside": T(
        sv="är en länk till {target}, som ligger utanför projektmappen; rusgen läser och "
        "publicerar bara filer i projektet, så kopiera in filen eller mappen i stället för att "
        "länka till den",
        en="is a link to {target}, outside the project folder; rusgen reads and publishes only "
        "files within the project, so copy the file or folder in instead of linking to it",
    ),
    "file.link_hidden": T(
        sv="är en länk till {target}, en dold fil eller mapp (namnet börjar med en punkt) som "
        "rusgen aldrig publicerar; kopiera in filen eller mappen i stället för att länka till den",
        en="is a link to {target}, a hidden file or folder (its name starts with a dot) that "
        "rusgen never publishes; copy the file or folder in instead of linking to it",
    ),
    "file.link_broken": T(
        sv="är en länk till {target}, som inte finns (eller är en länk tillbaka till sig själv); "
        "ta bort länken, eller låt den leda till en fil som finns",
        en="is a link to {target}, which does not exist (or links back to itself); remove the "
        "link, or point it at a file that exists",
    ),
    "file.link_loop": T(
        sv="är en länk till {target}, en mapp som redan är med i regionen, så samma filer skulle "
        "publiceras två gånger eller i en ring utan slut; ta bort länken",
        en="is a link to {target}, a folder the region already holds, so the same files would be "
        "published twice or round in an endless circle; remove the link",
    ),
    "file.special": T(
        sv="är ingen vanlig fil utan en specialfil (en namngiven pipe, en socket eller en enhet); "
        "rusgen läser den inte och publicerar den inte, så ta bort den från content/",
        en="is no ordinary file but a special one (a named pipe, a socket or a device); rusgen "
        "neither reads nor publishes it, so remove it from content/",
    ),
    "file.name_not_utf8": T(
        sv="namnet har tecken som inte går att läsa (de visas här som �); byt namn och skriv "
        "namnet med vanliga bokstäver",
        en="the name holds characters that cannot be read (shown here as �); rename it, writing "
        "the name in ordinary letters",
    ),
    "file.name_control": T(
        sv="namnet har ett osynligt tecken ({char}, som visas här som �); byt namn utan det "
        "tecknet",
        en="the name holds an invisible character ({char}, shown here as �); rename it without "
        "that character",
    ),
    # YAML that would take the machine's memory or time, or reach rusgen as no text.
    "yaml.alias": T(
        sv="*{name} hänvisar till värdet som är märkt &{name} på en annan rad; sådana hänvisningar "
        "(alias) används inte i rusgen, så skriv ut värdet här i stället",
        en="*{name} refers to the value marked &{name} on another line; such references "
        "(aliases) are not used in rusgen, so write the value out here instead",
    ),
    "yaml.too_deep": T(
        sv="värdena ligger i fler än {limit} nivåer inne i varandra, och så djupt ligger inget "
        "fält; se efter att indraget och hakparenteserna stämmer",
        en="the values are nested more than {limit} levels deep, and no field lies that deep; "
        "check the indentation and the brackets",
    ),
    "yaml.surrogate": T(
        sv="värdet har en teckenkod ({char}) som bara är ena halvan av ett tecken; skriv tecknet "
        "självt i stället för koden",
        en="the value holds a character code ({char}) that is only half of a character; write "
        "the character itself instead of its code",
    ),
    # Dates: the calendar, the feeds and the sitemap count time in years 1 to 9999.
    "field.year": T(
        sv="året {year} går inte att använda; skriv ett år mellan {first} och {last}, som "
        "`{field}: 2021-05-27`",
        en="the year {year} cannot be used; write a year from {first} to {last}, like "
        "`{field}: 2021-05-27`",
    ),
    "field.slug_long": T(
        sv="är {length} tecken lång, men ett namn i en adress får vara högst {limit} tecken; "
        "skriv ett kortare, som `slug: ny-rus`",
        en="is {length} characters long, but a name in an address may be at most {limit}; write "
        "a shorter one, like `slug: ny-rus`",
    ),
}
