"""Messages about publishing over time: schedules, owners and reviews, the address ledger."""

from rusgen.messages.template import Template as T

MESSAGES = {
    "publish.unpublish_first": T(
        sv="unpublish ({unpublish}) kommer före eller samtidigt som publish ({publish}), så sidan "
        "skulle aldrig synas; skriv en senare tid i unpublish eller en tidigare i publish",
        en="unpublish ({unpublish}) comes before or with publish ({publish}), so the page would "
        "never be seen; write a later unpublish or an earlier publish",
    ),
    "publish.one_owner": T(
        sv="en sida har en innehållsansvarig; skriv ett id från contacts.yaml, som "
        "`owner: {example}`, och lägg övriga i contacts",
        en="a page has one owner; write one id from contacts.yaml, like `owner: {example}`, and "
        "put the others in contacts",
    ),
    "publish.review_every": T(
        sv="skriv hur många månader det får gå mellan granskningar, minst 1, som "
        "`review_every: 12`, men här står {got}",
        en="write how many months may pass between reviews, at least 1, like "
        "`review_every: 12`, got {got}",
    ),
    "link.not_yet_published": T(
        sv='"{href}" publiceras först {when}, så länken leder ingenstans förrän då; ge den här '
        "sidan samma eller en senare `publish:`, eller lägg till länken när sidan är publicerad",
        en='"{href}" is published only {when}, so the link leads nowhere until then; give this '
        "page the same or a later `publish:`, or add the link once the page is published",
    ),
    "link.unpublished": T(
        sv='"{href}" avpublicerades {when} (dess `unpublish:`), så länken leder ingenstans; ta '
        "bort länken, eller ändra eller ta bort `unpublish:` på den sidan",
        en='"{href}" was unpublished {when} (its `unpublish:`), so the link leads nowhere; '
        "remove the link, or change or remove `unpublish:` on that page",
    ),
    "gone.invalid": T(
        sv='ska vara en adress på webbplatsen som tagits bort, som /gammal-sida/, men här står '
        '"{address}"',
        en='expected an address within the site that was removed, like /old-page/, got "{address}"',
    ),
    "gone.still_page": T(
        sv="{address} står i gone, men {page} har fortfarande den adressen; ta bort raden ur gone, "
        "eller ge sidan `unpublish:` om den ska försvinna en viss dag",
        en="{address} is in gone, but {page} still has that address; remove the line from gone, "
        "or give the page `unpublish:` if it should go on a given day",
    ),
    "gone.still_alias": T(
        sv="{address} står i gone, men {page} har den i aliases och leder dit; ta bort den ur "
        "det ena stället",
        en="{address} is in gone, but {page} lists it in aliases and leads there; remove it from "
        "one of the two",
    ),
    "ledger.dropped": T(
        sv="adressen {address} har publicerats men skulle försvinna med det här bygget, och länkar "
        "till den från andra webbplatser skulle gå sönder; skriv den i `aliases: [{address}]` på "
        "sidan som ersätter den (flyttad, 301), eller i `gone:` i {settings} (borttagen med "
        "avsikt, 410)",
        en="the address {address} has been published but would disappear with this build, "
        "breaking links to it from other sites; write it in `aliases: [{address}]` on the page "
        "that replaces it (moved, 301), or in `gone:` in {settings} (removed on purpose, 410)",
    ),
    "ledger.line": T(
        sv='ska vara en adress per rad som börjar med /, som /kraftsamlingar/, men här står '
        '"{got}"; filen skrivs av rusgen build: ta bara bort rader ur den',
        en='expected one address a line starting with /, like /kraftsamlingar/, got "{got}"; '
        "rusgen build writes this file: only remove lines from it",
    ),
    "ledger.header": T(
        sv="# Adresser som den här webbplatsen har publicerat. rusgen build skriver filen;\n"
        "# ändra den inte för hand. En adress här måste fortsätta fungera: en sida som\n"
        "# ersätter den har den i aliases (flyttad), eller så står den i gone i region.yaml\n"
        "# (borttagen). Spara filen i versionshanteringen tillsammans med innehållet.",
        en="# Addresses this site has published. rusgen build writes this file; do not edit\n"
        "# it by hand. Every address here must keep working: a page that replaces it lists\n"
        "# it in aliases (moved), or region.yaml lists it in gone (removed). Commit this file\n"
        "# with the content.",
    ),
    "review.overdue": T(
        sv="granskningen skulle ha gjorts senast {due}; innehållsansvarig: {owner}. Läs igenom "
        "sidan och skriv dagens datum i `reviewed:`",
        en="the review was due by {due}; owner: {owner}. Read the page through and write "
        "today's date in `reviewed:`",
    ),
    "check.unpublish_no_way_out": T(
        sv="sidan avpubliceras {when}, och då försvinner adressen {address}; skriv den i `gone:` i "
        "{settings} (borttagen, 410) eller i aliases på sidan som ersätter den (flyttad, 301), "
        "annars stoppas bygget efter den tiden",
        en="the page is unpublished {when}, and its address {address} then disappears; write it "
        "in `gone:` in {settings} (removed, 410) or in aliases on the page that replaces it "
        "(moved, 301), or the builds after that moment are refused",
    ),
    "review.no_owner": T(
        sv="ingen (skriv `owner:` med ett id från contacts.yaml)",
        en="nobody (write `owner:` with an id from contacts.yaml)",
    ),
    "publish.band": T(
        sv="Publiceras {when}", en="Published {when}",
    ),
    "cli.as_of": T(
        sv='--as-of: förstår inte "{got}"; skriv ett datum och klockslag, som "2027-01-01 08:00" '
        'eller "2027-01-01 8.00", eller bara ett datum',
        en='--as-of: cannot read "{got}"; write a date and time like "2027-01-01 08:00" or '
        '"2027-01-01 8.00", or a date alone',
    ),
    "schedule.none": T(
        sv="Inga kommande ändringar: webbplatsen ser likadan ut vid varje bygge tills innehållet "
        "ändras.",
        en="No coming changes: the site stays the same at every build until the content changes.",
    ),
    "schedule.publish": T(sv="publiceras", en="published"),
    "schedule.unpublish": T(sv="avpubliceras", en="unpublished"),
    "schedule.event_ends": T(sv="evenemanget slutar (flyttas till tidigare evenemang)",
                             en="the event ends (moves to past events)"),
    "schedule.deadline": T(sv="sista anmälningsdag passerar", en="the registration deadline passes"),
}
