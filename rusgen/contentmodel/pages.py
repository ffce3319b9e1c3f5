"""Pages, events and news: Markdown files with front matter."""

from rusgen.contentmodel.spec import (
    BOOL,
    CHOICE,
    DATE,
    EMAIL,
    FILE,
    INT,
    MAP,
    MAPS,
    MOMENT,
    NAMES,
    PHONE,
    SLUG,
    TEXT,
    TIME,
    URL,
    Choice,
    Field,
    Kind,
)

# What DOS-lagen asks a region to say about a document it cannot make accessible, and what
# a moved event must tell its readers: kept together, the law's fields of a page and event.
EXEMPTIONS = (
    Choice("oskäligt betungande", "oskäligt betungande", "disproportionate burden",
           ("oskaligt betungande", "betungande", "disproportionate burden", "disproportionate-burden")),
    Choice("omfattas inte", "omfattas inte av lagen", "not covered by the law",
           ("omfattas inte av lagen", "undantaget", "utanför lagen", "not covered", "not-covered")),
)

DOCUMENT_FACTS = (
    Field("exemption", CHOICE, "Om dokumentet inte kan göras tillgängligt: oskäligt betungande, "
          "eller omfattas inte av lagen. Tillgänglighetsredogörelsen anger det.",
          "If the document cannot be made accessible: disproportionate burden, or not covered by "
          "the law. The accessibility statement says so.",
          example="oskäligt betungande", choices=EXEMPTIONS),
    Field("justification", TEXT, "Varför undantaget gäller, med egna ord; visas i "
          "tillgänglighetsredogörelsen.", "Why the exemption applies, in your own words; shown in "
          "the accessibility statement.",
          example="Rapporten är 400 sidor med kartor och ersätts i juni 2027."),
    Field("alternative", TEXT, "En sida med samma innehåll i tillgänglig form, som i länkar: "
          "sökvägen till sidans fil.", "A page with the same content in accessible form, as in "
          "links: the path of the page's file.", example="strategin.md"),
    Field("published", DATE, "Dagen dokumentet först publicerades här; utelämna för nya dokument. "
          "Ett dokument som flyttas från en gammal webbplats publiceras igen den dagen.",
          "The day the document was first published here; omit for new documents. A document "
          "moved from an old site is published again that day.", example="2017-05-10"),
)

MOVED_EVENT_FIELDS = (
    Field("previous_start", MOMENT, "När evenemanget skulle ha börjat innan det flyttades; "
          "sidan och kalendrarna säger att det är flyttat.", "When the event was to start before "
          "it moved; its page and calendars say it has moved.", example="2027-03-02 13:00"),
)

PAGE_FIELDS = (
    Field("title", TEXT, "Sidans rubrik (dess enda huvudrubrik); rubriker i texten börjar med ##.",
          "The page's heading (its only main heading); headings in the text start at ##.",
          example="Kraftsamlingar", required=True),
    Field("summary", TEXT, "En eller två meningar: visas under rubriken, i listor, i sökningen och "
          "i sökmotorer.", "One or two sentences: shown under the title, in lists, search and the "
          "meta description.",
          example="Fyra tvärsektoriella kraftsamlingar för omställningen."),
    Field("updated", MOMENT, "Visas som ”Senast uppdaterad”; för evenemang även kalenderns "
          "version (se nedan).", "Shown as “Senast uppdaterad”; for events also the calendar's "
          "version (see below).",
          example="2021-04-21 15:51"),
    Field("draft", BOOL, "true: sidan publiceras inte; den syns bara i förhandsvisningen och med "
          "--drafts, med en gul remsa ”Utkast”.", "true keeps the page out of the build unless "
          "--drafts is given; the preview shows it with a band “Utkast”.",
          example="true", default="false"),
    Field("weight", INT, "Ordning i listor och menyer, lägst först; sedan rubriken i svensk "
          "ordning (a–z, å, ä, ö).", "Lists and menus order by weight, lowest first, then by "
          "title in Swedish order (a–z, å, ä, ö).", example="10", default="0"),
    Field("image", MAP, "En bild överst på sidan.", "An image at the top of the page.",
          example='{src: files/bild.jpg, alt: "Två personer vid ett bord"}', fields=(
              Field("src", FILE, "Bildfilen i files/.", "The image file in files/.",
                    example="files/bild.jpg", required=True),
              Field("alt", TEXT, 'Vad bilden visar, för den som inte ser den; alt: "" om den bara är '
                    "dekoration.", 'What the image shows, for readers who cannot see it; alt: "" if '
                    "it is only decoration.", example='"Två personer vid ett bord"', required=True),
              Field("credit", TEXT, "Fotograf eller källa.", "Photographer or source.",
                    example='"Foto: Robin Aron"'),
          )),
    Field("contacts", NAMES, "Kontaktpersoner, med id från contacts.yaml.",
          "Contact people, by id from contacts.yaml.", example="[robin-kalmendal]"),
    Field("documents", MAPS, "Dokument att ladda ner; länken visar typ och storlek: ”(pdf, 292 kB)”.",
          "Documents to download; each link shows type and size: “(pdf, 292 kB)”.",
          example="[{file: files/rapport.pdf, title: Rapport 2021}]", fields=(
              Field("file", FILE, "Filen i files/.", "The file in files/.",
                    example="files/rapport.pdf", required=True),
              Field("title", TEXT, "Dokumentets titel.", "The document's title.",
                    example="Rapport 2021", required=True),
              Field("lang", TEXT, "Dokumentets språk, om det inte är sidans.",
                    "The document's language, if not the page's.", example="en"),
              *DOCUMENT_FACTS,
          )),
    Field("aliases", NAMES, "Gamla adresser som ska leda hit.", "Old addresses that redirect here.",
          example="[/gamla-adressen/]"),
    Field("slug", SLUG, "Ersätter sista delen av sidans adress (annars filnamnet).",
          "Replaces the last part of the address (the file name otherwise).", example="ny-rus"),
)

# Publishing over time and ownership: kept together, one block, on every page, event and news item.
PUBLISHING_FIELDS = (
    Field("publish", MOMENT, "Sidan publiceras först då (ett datum, eller datum och klockslag i "
          "regionens tid); förhandsvisningen visar den före dess med en remsa. Den dyker upp vid "
          "nästa bygge efter den tiden.", "The item is published only from then (a date, or a "
          "date and time in the region's time zone); the preview shows it before with a band. "
          "It appears at the first build after that moment.", example="2026-12-01 08:00"),
    Field("unpublish", MOMENT, "Sidan tas bort från webbplatsen då (listor, sökning, flöden och "
          "kalendrar också). Adressen måste leda någonstans: se aliases och gone.",
          "The item is taken off the site then (lists, search, feeds and calendars too). Its "
          "address must still lead somewhere: see aliases and gone.", example="2027-06-30"),
    Field("owner", TEXT, "Vem som ansvarar för innehållet: ett id från contacts.yaml; visas som "
          "”Innehållsansvarig”.", "Who is responsible for the content: an id from contacts.yaml; "
          "shown as “Innehållsansvarig”.", example="robin-kalmendal"),
    Field("reviewed", DATE, "Dagen innehållet senast granskades; visas som ”Senast granskad”.",
          "The day the content was last reviewed; shown as “Senast granskad”.",
          example="2026-11-20"),
    Field("review_by", DATE, "Sista dag för nästa granskning; rusgen check varnar, och nämner "
          "den ansvarige, när dagen har passerat.", "The day the next review is due; rusgen "
          "check warns, naming the owner, once it has passed.", example="2027-11-20",
          default="reviewed + review_every"),
)

EVENT_STATUSES = (
    Choice("scheduled", "planerat", "scheduled", ("planerat", "planerad", "genomförs", "som planerat")),
    Choice("full", "fullsatt", "full", ("fullsatt", "fullbokat", "fullbokad", "fullt")),
    Choice("cancelled", "inställt", "cancelled",
           ("inställt", "inställd", "installt", "canceled", "avlyst", "ställs in")),
    Choice("postponed", "uppskjutet", "postponed",
           ("uppskjutet", "uppskjuten", "skjuts upp", "framflyttat", "flyttat")),
    Choice("moved-online", "flyttat till webben", "moved online",
           ("digitalt", "digital", "online", "webb", "moved online", "flyttat till webben")),
)

ONLINE_FIELDS = (
    Field("url", URL, "Länk till mötet.", "Link to the meeting.",
          example="https://teams.microsoft.com/l/meetup-join/..."),
    Field("platform", TEXT, "Mötestjänst.", "Meeting service.", example="Microsoft Teams"),
    Field("phone", PHONE, "Nummer för att ringa in.", "Dial-in number.", example='"+46 8 505 218 69"'),
    Field("conference_id", TEXT, "Konferens-id.", "Conference id.", example='"243 401 317#"'),
)

REGISTRATION_FIELDS = (
    Field("url", URL, "Anmälningsformulär.", "Registration form.", example="https://example.se/anmalan"),
    Field("email", EMAIL, "E-post för anmälan.", "E-mail for registration.",
          example="regionalutveckling@example.se"),
    Field("deadline", DATE, "Sista dag att anmäla sig.", "Last day to register.", example="2020-10-10"),
    Field("note", TEXT, "Kort upplysning om anmälan.", "A short note about registration.",
          example="Ange eventuell specialkost."),
)

AGENDA_FIELDS = (
    Field("time", TIME, "Klockslag, inom citattecken.", "Time of day, in quotes.", example='"09:30"'),
    Field("title", TEXT, "Programpunkt.", "Programme item.", example="Fika", required=True),
    Field("who", TEXT, "Vem som talar.", "Who speaks.", example="Anna Pettersson, regiondirektör"),
)

EVENT_FIELDS = (
    Field("start", MOMENT, "När evenemanget börjar, i regionens tid; bara ett datum betyder heldag.",
          "When the event starts, in the region's time; a date alone means all day.",
          example="2020-10-15 09:30", required=True),
    Field("end", MOMENT, "När evenemanget slutar; för ett heldagsevenemang ett datum (sista dagen).",
          "When the event ends; for an all-day event a date (the last day).", example="2020-10-15 12:30"),
    Field("location", TEXT, "Plats; utelämna för enbart digitala möten.",
          "The place; omit for online-only meetings.", example="Hus U, campus Östersund"),
    Field("online", MAP, "Deltagande på distans.", "Taking part online.",
          example="{url: https://..., platform: Microsoft Teams}", fields=ONLINE_FIELDS),
    Field("livestream", URL, "Länk till direktsändning.", "Link to a livestream.",
          example="https://example.se/live"),
    Field("registration", MAP, "Anmälan: url eller email, sista dag och en upplysning.",
          "Registration: a url or an email, a deadline and a note.",
          example="{email: regionalutveckling@example.se, deadline: 2020-10-10}",
          fields=REGISTRATION_FIELDS),
    Field("status", CHOICE, "Evenemangets läge.", "The event's status.", example="full",
          default="scheduled", choices=EVENT_STATUSES),
    Field("status_note", TEXT, "Förklaring till läget.", "A note on the status.",
          example="Fullsatt i lokalen. Nu endast öppen för deltagande via länk."),
    Field("agenda", MAPS, "Programmet, en punkt per rad.", "The programme, one item a line.",
          example='[{time: "09:30", title: Fika}]', fields=AGENDA_FIELDS),
    Field("series", SLUG, "Evenemang i samma serie listar varandra.",
          "Events of one series list each other.", example="mobilisering-2020"),
    Field("uid", TEXT, "Evenemangets id i kalendrar; ändra det aldrig efter publicering.",
          "The event's calendar id; never change it once published.", example="jh-mobilisering-2020"),
    *MOVED_EVENT_FIELDS,
)

NEWS_KINDS = (
    Choice("news", "nyhet", "news", ("nyhet", "nyheter", "artikel")),
    Choice("press", "pressmeddelande", "press release",
           ("pressmeddelande", "pressmeddelanden", "press release", "pressrelease")),
)

NEWS_FIELDS = (
    Field("date", DATE, "Publiceringsdag.", "The day it was published.", example="2012-09-21",
          required=True),
    Field("kind", CHOICE, "Nyhet eller pressmeddelande.", "News or press release.", example="press",
          default="news", choices=NEWS_KINDS),
    Field("author", TEXT, "Skribent.", "Author.", example="Jörgen Boström"),
    Field("press_contacts", NAMES, "Presskontakter, med id från contacts.yaml.",
          "Press contacts, by id from contacts.yaml.", example="[ingela-hjulfors-berg]"),
)

EVERY_PAGE = PAGE_FIELDS + PUBLISHING_FIELDS
PAGE = Kind("page", "Sida", "Page", "content/REGION/*.md", EVERY_PAGE)
EVENT = Kind("event", "Evenemang", "Event", "content/REGION/events/*.md", EVERY_PAGE + EVENT_FIELDS)
NEWS = Kind("news", "Nyhet", "News item", "content/REGION/news/*.md", EVERY_PAGE + NEWS_FIELDS)
