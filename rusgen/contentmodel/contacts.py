"""contacts.yaml: the people readers can reach, by id."""

from rusgen.contentmodel.spec import EMAIL, PHONE, TEXT, TRANSLATED, Field, Kind

CONTACT_FIELDS = (
    Field("name", TEXT, "Personens namn.", "The person's name.",
          example="Robin Kalmendal", required=True),
    Field("role", TRANSLATED, "Roll eller titel; på flera språk som "
          "`{sv: Regionutvecklare, en: Regional development officer}`.",
          "Role or title; in several languages as "
          "`{sv: Regionutvecklare, en: Regional development officer}`.",
          example="Regionutvecklare"),
    Field("organisation", TEXT, "Organisation.", "Organisation.",
          example="Västra Götalandsregionen"),
    Field("phone", PHONE, "Telefonnummer, inom citattecken; visas som det är skrivet.",
          "Phone number, in quotes; shown as written.", example='"010-441 00 00"'),
    Field("mobile", PHONE, "Mobilnummer, inom citattecken.", "Mobile number, in quotes.",
          example='"070-123 45 67"'),
    Field("email", EMAIL, "E-postadress.", "E-mail address.",
          example="robin.kalmendal@example.se"),
)

CONTACTS = Kind(
    id="contacts",
    title_sv="contacts.yaml – kontaktpersoner",
    title_en="contacts.yaml – contacts",
    where="content/REGION/contacts.yaml",
    # The file is a mapping from a contact id (robin-kalmendal) to these fields.
    fields=CONTACT_FIELDS,
)
