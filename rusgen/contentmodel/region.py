"""region.yaml: one region's settings, and its accessibility statement."""

from rusgen.contentmodel.spec import (
    CHOICE,
    COLOR,
    DATE,
    EMAIL,
    FILE,
    INT,
    MAP,
    MAP_OF,
    MAPS,
    NAMES,
    PHONE,
    SLUG,
    TEXT,
    TRANSLATED,
    URL,
    Choice,
    Field,
    Kind,
)

ACCESSIBILITY_STATUSES = (
    Choice("helt", "helt förenlig med lagen", "fully compliant", ("full", "fully", "ja", "yes")),
    Choice("delvis", "delvis förenlig med lagen", "partially compliant", ("partially", "partial")),
    Choice("inte", "inte förenlig med lagen", "not compliant", ("nej", "no", "not", "ej")),
)

TERM_FIELDS = (
    Field("title", TRANSLATED,
          "Termens namn; på flera språk som `{sv: Elektrifiering, en: Electrification}`.",
          "The term's name; in several languages as `{sv: Elektrifiering, en: Electrification}`.",
          example="Elektrifiering", required=True),
    Field("period", TEXT, "Period, fritt skriven.", "Period, as text.", example="2021–2024"),
    Field("summary", TEXT, "En mening om termen.", "One sentence about the term.",
          example="Omställningen till el i industri och transporter."),
)

TAXONOMY_FIELDS = (
    Field("title", TRANSLATED,
          "Grupperingens namn; på flera språk som `{sv: Kraftsamlingar, en: Focus areas}`.",
          "The grouping's name; in several languages as `{sv: Kraftsamlingar, en: Focus areas}`.",
          example="Kraftsamlingar", required=True),
    Field("terms", MAP_OF, "Termerna, med id (små bokstäver och bindestreck) och fält.",
          "The terms, by id (lower case with hyphens), with their fields.",
          example="{elektrifiering: {title: Elektrifiering}}", fields=TERM_FIELDS),
)

FEEDBACK_FIELDS = (
    Field("email", EMAIL, "E-post för synpunkter.", "E-mail for feedback.",
          example="tillganglighet@example.se"),
    Field("url", URL, "Formulär för synpunkter.", "A feedback form.",
          example="https://example.se/tillganglighet"),
    Field("phone", PHONE, "Telefon för synpunkter.", "Phone for feedback.", example='"010-441 00 00"'),
)

ACCESSIBILITY_FIELDS = (
    Field("status", CHOICE, "Hur webbplatsen uppfyller lagen (DOS-lagen).",
          "How the site complies with the law (DOS-lagen).",
          example="delvis", required=True, choices=ACCESSIBILITY_STATUSES),
    Field("method", TEXT, "Hur webbplatsen granskades.", "How the site was assessed.",
          example="Egen granskning med automatiska verktyg och manuell kontroll", required=True),
    Field("assessed", DATE, "Dagen granskningen gjordes.", "The day of the assessment.",
          example="2021-03-01", required=True),
    Field("updated", DATE, "Dagen redogörelsen senast uppdaterades.",
          "The day the statement was last updated.", example="2021-04-21", default="assessed"),
    Field("known_issues", NAMES, "Kända brister, en per rad. Krävs när status är delvis eller inte.",
          "Known issues, one per line. Required when status is delvis or inte.",
          example="[Vissa äldre PDF-dokument är inte fullt tillgängliga.]"),
    Field("feedback", MAP, "Hur läsare rapporterar brister: email, url eller phone.",
          "How readers report inaccessible content: email, url or phone.",
          example="{email: tillganglighet@example.se}", required=True, fields=FEEDBACK_FIELDS),
)

GONE_FIELDS = (
    Field("address", TEXT, "Adressen, som /gammal-sida/.", "The address, like /old-page/.",
          example="/gammal-sida/", required=True),
    Field("reason", TEXT, "Varför sidan är borttagen; visas på sidan ”Sidan är borttagen”.",
          "Why the page was removed; shown on the “410 Gone” page.",
          example="Ersatt av handlingsplanen 2027–2028."),
)

# Reviews and addresses removed on purpose: kept together, one block.
PUBLISHING_FIELDS = (
    Field("review_every", INT, "Hur ofta sidor ska granskas, i månader: en sida utan review_by "
          "ska granskas så länge efter reviewed.", "How often pages are reviewed, in months: a "
          "page without review_by is due this long after reviewed.", example="12"),
    Field("gone", MAPS, "Adresser som tagits bort med avsikt: de svarar ”410 Gone”. En adress "
          "per rad, ensam eller med ett skäl som visas för läsaren.", "Addresses removed on "
          "purpose: they answer “410 Gone”. One a line, alone or with a reason shown to readers.",
          example="[/gammal-sida/, {address: /gammal-plan/, reason: Ersatt av planen 2027.}]",
          fields=GONE_FIELDS, shorthand=True),
)

REGION = Kind(
    id="region",
    title_sv="region.yaml – regionens inställningar",
    title_en="region.yaml – the region's settings",
    where="content/REGION/region.yaml",
    fields=(
        Field("name", TEXT, "Regionens namn.", "The region's name.",
              example="Västra Götaland", required=True),
        Field("organisation", TEXT, "Vem som publicerar; tillgänglighetsredogörelsen nämner den.",
              "Who publishes; the accessibility statement names it.",
              example="Västra Götalandsregionen", required=True),
        Field("base_url", URL,
              "Adressen där webbplatsen publiceras; ett / på slutet läggs till om det saknas. "
              "Sökvägen efter nätverkets adress blir mappens namn i public/, som public/vg/.",
              "Where this microsite is published; a missing final / is added. Its path below "
              "the network's base_url names its folder in public/, like public/vg/.",
              example="https://rus.example.se/vg/", required=True),
        Field("languages", NAMES, "Webbplatsens språk; det första är standard.",
              "The site's languages; the first is the default.", example="[sv, en]", default="[sv]"),
        Field("timezone", TEXT, "Tidszon för evenemang.", "The time zone of events.",
              example="Europe/Stockholm", default="Europe/Stockholm"),
        Field("parent", SLUG, "En delregion länkar till sin huvudregion (mappens namn).",
              "A sub-region links to its parent (the folder name).", example="vastra-gotaland"),
        Field("theme", TEXT, "Tema, om regionen inte använder nätverkets.",
              "The theme, if not the network's.", example="default"),
        Field("branding", MAP, "Regionens färg och logotyp.", "The region's colour and logo.",
              example='{color: "#00609c", logo: files/logo.svg}', fields=(
                  Field("color", COLOR, "Accentfärg inom citattecken; kontrast minst 4,5:1 mot vitt.",
                        "Accent colour in quotes; contrast at least 4.5:1 on white.",
                        example='"#00609c"', default='"#00609c"'),
                  Field("logo", FILE, "Logotyp i files/, SVG eller PNG: överst till vänster på varje "
                        "sida och som ikon i webbläsarens flik. Utan logotyp visas regionens "
                        "initialer på accentfärgen.",
                        "A logo in files/, SVG or PNG: at the top left of every page and as the "
                        "browser tab's icon. Without one, the region's initials on its accent "
                        "colour stand in.",
                        example="files/logo.svg"),
              )),
        Field("menu", NAMES, "Huvudmenyn i ordning: sidors sökvägar utan .md (kraftsamlingar "
              "för kraftsamlingar/index.md), en grupperings id, eller orden events och news.",
              "The main menu, in order: page paths without .md (kraftsamlingar for "
              "kraftsamlingar/index.md), a taxonomy id, or the words events and news.",
              example="[kraftsamlingar, smart-specialisering, events, news]"),
        Field("taxonomies", MAP_OF, "Regionens egna sätt att gruppera innehåll, som kraftsamlingar.",
              "The region's own ways of grouping content, like kraftsamlingar.",
              example="{kraftsamlingar: {title: Kraftsamlingar, terms: {...}}}", fields=TAXONOMY_FIELDS),
        Field("contact", MAP, "Regionens allmänna kontaktuppgifter.", "The region's general contact.",
              example='{email: regionalutveckling@example.se, phone: "010-441 00 00"}', fields=(
                  Field("email", EMAIL, "E-post.", "E-mail.", example="regionalutveckling@example.se"),
                  Field("phone", PHONE, "Telefon, inom citattecken.", "Phone, in quotes.",
                        example='"010-441 00 00"'),
              )),
        Field("accessibility", MAP, "Tillgänglighetsredogörelsen, som lagen kräver.",
              "The accessibility statement the law requires.",
              example="{status: delvis, method: ..., assessed: 2021-03-01, feedback: {...}}",
              required=True, fields=ACCESSIBILITY_FIELDS),
        *PUBLISHING_FIELDS,
    ),
)
