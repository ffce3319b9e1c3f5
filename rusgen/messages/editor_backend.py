"""Messages of the editor's local backend: what it refuses, and why, said to the editor."""

from rusgen.messages.template import Template as T

MESSAGES: dict[str, T] = {
    "backend.not_loopback": T(
        sv="Redigeraren svarar bara webbläsaren på den här datorn, inte {client}. Öppna "
        "redigeraren på {url} på datorn där rusgen serve körs.",
        en="The editor answers only the browser on this computer, not {client}. Open the "
        "editor at {url} on the computer that runs rusgen serve.",
    ),
    "backend.bad_host": T(
        sv="Redigeraren svarar bara på adresser till den här datorn (localhost eller "
        "127.0.0.1), inte på {host}. Öppna {url}.",
        en="The editor answers only addresses of this computer (localhost or 127.0.0.1), "
        "not {host}. Open {url}.",
    ),
    "backend.bad_origin": T(
        sv="Redigeraren tar bara emot ändringar från sina egna sidor, inte från {origin}. "
        "Öppna redigeraren från förhandsvisningen: {url}.",
        en="The editor takes changes only from its own pages, not from {origin}. Open the "
        "editor from the preview: {url}.",
    ),
    "backend.not_json": T(
        sv="Redigeraren tar bara emot anrop med Content-Type: application/json.",
        en="The editor takes only requests with Content-Type: application/json.",
    ),
    "backend.bad_request": T(
        sv="Redigeraren förstod inte anropet: {problem}. Ladda om sidan i redigeraren.",
        en="The editor did not understand the request: {problem}. Reload the editor's page.",
    ),
    "backend.unknown_action": T(
        sv="Redigeraren känner inte till åtgärden {action}.",
        en="The editor has no action called {action}.",
    ),
    "backend.path_missing": T(
        sv="Anropet saknar en sökväg till en fil i content/.",
        en="The request names no file in content/.",
    ),
    "backend.path_bad": T(
        sv="{path}: redigeraren läser och skriver bara vanliga sökvägar i content/, som "
        "content/vg/events/fika.md: inga \"..\", inga bakvända snedstreck, ingen enhet som "
        "C: och inga dolda filer. Ingenting sparades.",
        en="{path}: the editor reads and writes only plain paths in content/, such as "
        "content/vg/events/fika.md: no \"..\", no backslashes, no drive such as C: and no "
        "hidden files. Nothing was saved.",
    ),
    "backend.path_outside": T(
        sv="{path}: redigeraren får bara läsa och ändra filer i mappen content/, och den här "
        "sökvägen (eller en länk i den) leder utanför. Ingenting sparades.",
        en="{path}: the editor may only read and change files in the content/ folder, and "
        "this path (or a link on it) leads outside. Nothing was saved.",
    ),
    "backend.path_not_found": T(
        sv="{path}: filen finns inte (längre). Ladda om sidan i redigeraren.",
        en="{path}: the file is not there (any more). Reload the editor's page.",
    ),
    "backend.path_taken": T(
        sv="{path}: det finns redan en fil med det namnet, och redigeraren skriver inte över "
        "den. Ge sidan en annan titel eller ett annat namn, eller öppna den befintliga sidan "
        "i redigeraren.",
        en="{path}: a file of that name is already there, and the editor does not overwrite "
        "it. Give the page another title or name, or open the existing page in the editor.",
    ),
    "backend.changed_on_disk": T(
        sv="{path}: filen har ändrats på disken sedan redigeraren läste in den (kanske i en "
        "textredigerare eller av någon annan). Din ändring sparades inte, så att den andra "
        "inte skrivs över. Kopiera det du skrivit, ladda om sidan i redigeraren och gör "
        "ändringen igen.",
        en="{path}: the file changed on disk since the editor loaded it (in a text editor, or "
        "by someone else). Your change was not saved, so that the other one is not "
        "overwritten. Copy what you wrote, reload the editor's page and make the change again.",
    ),
    "backend.not_text": T(
        sv="{path}: filen är inte text i UTF-8 och kan inte redigeras här. Öppna den i en "
        "textredigerare och spara den som UTF-8.",
        en="{path}: the file is not UTF-8 text and cannot be edited here. Open it in a text "
        "editor and save it as UTF-8.",
    ),
    "backend.write_failed": T(
        sv="{path}: filen kunde inte sparas: {reason}. Ingenting ändrades.",
        en="{path}: the file could not be saved: {reason}. Nothing was changed.",
    ),
    "backend.draft_failed": T(
        sv="Förhandsvisningen kunde inte visas",
        en="The preview could not be shown",
    ),
    "backend.draft_fix": T(
        sv="Rätta det som står ovan i formuläret bredvid, så visas sidan här.",
        en="Correct what is listed above in the form beside, and the page shows here.",
    ),
    "backend.draft_no_page": T(
        sv="{path}: det här är ingen sida som byggs (kanske ett utkast, en sida som publiceras "
        "senare eller en inställningsfil), så den har ingen förhandsvisning.",
        en="{path}: this is no page the build makes (a draft, a page published later, or a "
        "settings file), so it has no preview.",
    ),
}
