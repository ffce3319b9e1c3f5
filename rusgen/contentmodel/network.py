"""rusgen.yaml: the network of regions."""

from rusgen.contentmodel.spec import CHOICE, MAP, TEXT, URL, Choice, Field, Kind

EDITOR_BACKENDS = (
    Choice("gitlab", "GitLab", "GitLab", ("gitlab.com",)),
    Choice("github", "GitHub", "GitHub", ("github.com",)),
    Choice("gitea", "Gitea", "Gitea", ("forgejo", "codeberg")),
)

EDITOR_FIELDS = (
    Field("backend", CHOICE, "Tjänsten där projektets Git-arkiv finns: gitlab, github eller gitea.",
          "The service that holds the project's Git repository: gitlab, github or gitea.",
          example="gitlab", required=True, choices=EDITOR_BACKENDS),
    Field("repo", TEXT, "Arkivets namn hos tjänsten: ägare/namn.",
          "The repository's name on the service: owner/name.",
          example="region-vg/rus-webbplatser", required=True),
    Field("branch", TEXT, "Grenen som redigeringen sparar i och som publiceras.",
          "The branch the editor saves to, and that is published.", example="main", default="main"),
    Field("app_id", TEXT, "Id för programmet (OAuth-applikationen) som registrerats hos GitLab eller "
          "Gitea för inloggningen; se guiden.", "The id of the application (OAuth) registered on "
          "GitLab or Gitea for the login; see the guide.", example="8a6f3c0e2b..."),
    Field("base_url", URL, "Tjänstens adress om den inte är gitlab.com eller github.com; för GitHub "
          "adressen till OAuth-servern som loggar in.", "The service's address when it is not "
          "gitlab.com or github.com; for GitHub the address of the OAuth server that logs in.",
          example="https://gitlab.example.se"),
)

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
        Field("editor", MAP, "Redigering i webbläsaren på webben: `rusgen build` lägger då /admin/ "
              "i varje regions mapp, och sparar i Git-arkivet hos tjänsten.",
              "Editing in the browser on the web: `rusgen build` then writes /admin/ into each "
              "region's folder, saving to the Git repository on the service.",
              example="{backend: gitlab, repo: region-vg/rus-webbplatser, app_id: 8a6f3c0e2b...}",
              fields=EDITOR_FIELDS),
    ),
)
