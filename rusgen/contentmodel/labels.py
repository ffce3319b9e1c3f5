"""Short names of fields for forms: the editor in the browser shows them above each field.

A field's name in YAML is English (`start`, `status_note`); a communicator filling in a
form reads "Börjar" and "Förklaring till läget". One word or two per field name, Swedish
and English; the longer help text stays in the field's own entry. A name means the same
wherever it is used (`url` of a meeting and of a feedback form alike), so one table does.
"""

from __future__ import annotations

from rusgen.contentmodel.spec import Field

LABELS: dict[str, tuple[str, str]] = {
    "accessibility": ("Tillgänglighetsredogörelse", "Accessibility statement"),
    "address": ("Adress", "Address"),
    "agenda": ("Program", "Programme"),
    "aliases": ("Gamla adresser", "Old addresses"),
    "alt": ("Bildtext för den som inte ser bilden", "Text for readers who cannot see the image"),
    "alternative": ("Tillgänglig version", "Accessible version"),
    "app_id": ("Programmets id (app_id)", "Application id (app_id)"),
    "assessed": ("Granskad", "Assessed"),
    "author": ("Skribent", "Author"),
    "backend": ("Git-tjänst", "Git service"),
    "base_url": ("Webbadress", "Web address"),
    "branch": ("Gren", "Branch"),
    "branding": ("Färg och logotyp", "Colour and logo"),
    "color": ("Accentfärg", "Accent colour"),
    "conference_id": ("Konferens-id", "Conference id"),
    "contact": ("Kontakt", "Contact"),
    "contacts": ("Kontaktpersoner", "Contacts"),
    "credit": ("Fotograf eller källa", "Photographer or source"),
    "date": ("Publiceringsdag", "Date"),
    "deadline": ("Sista anmälningsdag", "Registration deadline"),
    "documents": ("Dokument", "Documents"),
    "draft": ("Utkast", "Draft"),
    "editor": ("Redigering i webbläsaren", "Editing in the browser"),
    "email": ("E-post", "E-mail"),
    "end": ("Slutar", "Ends"),
    "exemption": ("Undantag", "Exemption"),
    "feedback": ("Synpunkter", "Feedback"),
    "file": ("Fil", "File"),
    "gone": ("Borttagna adresser", "Removed addresses"),
    "image": ("Bild", "Image"),
    "justification": ("Skäl för undantaget", "Justification"),
    "kind": ("Typ", "Kind"),
    "known_issues": ("Kända brister", "Known issues"),
    "lang": ("Språk", "Language"),
    "language": ("Språk", "Language"),
    "languages": ("Språk", "Languages"),
    "livestream": ("Direktsändning", "Livestream"),
    "location": ("Plats", "Location"),
    "logo": ("Logotyp", "Logo"),
    "menu": ("Huvudmeny", "Main menu"),
    "method": ("Granskningsmetod", "Method"),
    "mobile": ("Mobil", "Mobile"),
    "name": ("Namn", "Name"),
    "note": ("Upplysning", "Note"),
    "online": ("Delta på distans", "Online"),
    "organisation": ("Organisation", "Organisation"),
    "output": ("Utmapp", "Output folder"),
    "owner": ("Innehållsansvarig", "Content owner"),
    "parent": ("Huvudregion", "Parent region"),
    "period": ("Period", "Period"),
    "phone": ("Telefon", "Phone"),
    "platform": ("Mötestjänst", "Meeting service"),
    "press_contacts": ("Presskontakter", "Press contacts"),
    "previous_start": ("Tidigare starttid", "Previous start"),
    "publish": ("Publiceras", "Publish"),
    "published": ("Först publicerad", "First published"),
    "reason": ("Skäl", "Reason"),
    "registration": ("Anmälan", "Registration"),
    "repo": ("Arkiv (repo)", "Repository"),
    "review_by": ("Granska senast", "Review by"),
    "review_every": ("Granska var (månader)", "Review every (months)"),
    "reviewed": ("Senast granskad", "Last reviewed"),
    "role": ("Roll", "Role"),
    "series": ("Serie", "Series"),
    "slug": ("Adressens sista del", "Last part of the address"),
    "src": ("Bildfil", "Image file"),
    "start": ("Börjar", "Starts"),
    "status": ("Läge", "Status"),
    "status_note": ("Förklaring till läget", "Status note"),
    "summary": ("Sammanfattning", "Summary"),
    "taxonomies": ("Grupperingar", "Taxonomies"),
    "terms": ("Termer", "Terms"),
    "theme": ("Tema", "Theme"),
    "time": ("Klockslag", "Time"),
    "timezone": ("Tidszon", "Time zone"),
    "title": ("Rubrik", "Title"),
    "uid": ("Kalender-id", "Calendar id"),
    "unpublish": ("Tas bort", "Unpublish"),
    "updated": ("Senast uppdaterad", "Updated"),
    "url": ("Länk", "Link"),
    "weight": ("Ordning", "Order"),
    "who": ("Talare", "Speaker"),
}


def label(field: Field, lang: str = "sv") -> str:
    """Return the field's short name in `lang`; its YAML name when the table lacks it."""
    words = LABELS.get(field.name)
    if words is None:
        return field.name
    return words[0] if lang == "sv" else words[1]
