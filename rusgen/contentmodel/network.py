"""rusgen.yaml: the network of regions."""

from rusgen.contentmodel.spec import CHOICE, TEXT, URL, Choice, Field, Kind

LANGUAGE_CHOICES = (
    Choice("sv", "svenska", "Swedish", ("svenska", "swedish")),
    Choice("en", "engelska", "English", ("engelska", "english")),
)

NETWORK = Kind(
    id="network",
    title_sv="rusgen.yaml – nätverket",
    title_en="rusgen.yaml – the network",
    where="rusgen.yaml",
    fields=(
        Field("name", TEXT, "Nätverkets namn, visas på sidan som listar alla regioner.",
              "The network's name, shown on the page that lists every region.",
              example="Regionala utvecklingsstrategier", required=True),
        Field("base_url", URL, "Adressen där nätverkets sida publiceras.",
              "Where the network index is published.", example="https://rus.example.se/"),
        Field("output", TEXT, "Mappen som `rusgen build` skriver till.",
              "The folder `rusgen build` writes to.", example="public", default="public"),
        Field("language", CHOICE, "Standardspråk för webbplatserna och för rusgens meddelanden.",
              "The sites' default language, and the language of rusgen's messages.",
              example="sv", default="sv", choices=LANGUAGE_CHOICES),
        Field("theme", TEXT, "Tema som regionerna använder om de inte väljer ett eget.",
              "The theme regions use unless they choose their own.",
              example="default", default="default"),
    ),
)
