"""Messages of `rusgen check`: what it finds in the built site beyond the build's errors."""

from rusgen.messages.template import Template as T

MESSAGES = {
    "check.no_page": T(
        sv='länken "{url}" leder till en sida eller fil som inte finns på webbplatsen',
        en='the link "{url}" leads to a page or file that is not in the site',
    ),
    "check.no_image": T(
        sv='bilden "{url}" finns inte på webbplatsen',
        en='the image "{url}" is not in the site',
    ),
    "check.no_heading": T(
        sv='länken "{url}" pekar på rubriken "#{fragment}", som inte finns på den sidan',
        en='the link "{url}" points to a heading "#{fragment}" that is not on that page',
    ),
    "check.heading_advice": T(
        sv='länka till en rubrik som finns på sidan (rubriken "Smart specialisering" skrivs '
        "#smart-specialisering), eller ta bort delen från # och framåt",
        en='link to a heading that exists (the heading "Smart specialisering" is written '
        "#smart-specialisering), or drop the part from # on",
    ),
    "check.from_theme": T(
        sv="{problem}{also}; länken kommer från temats mallar, inte från en sida: be den som sköter "
        "temat att rätta den",
        en="{problem}{also}; the link comes from the theme's templates, not from a page: ask "
        "whoever maintains the theme to correct it",
    ),
    "check.also_on": T(sv=" (också på {count} sidor till)", en=" (also on {count} more pages)"),
    "check.orphan": T(
        sv="ingen meny, lista eller länk leder till den här sidan, så läsarna hittar den inte; "
        "lägg till den i menu: i {folder}/region.yaml eller länka till den från en annan sida",
        en="no menu, list or link leads to this page, so readers will not find it; add it to "
        "menu: in {folder}/region.yaml or link to it from another page",
    ),
    "check.no_alternate": T(
        sv="versionen på språket {lang} ({other}) finns, men den här sidan har ingen {missing} "
        "till den; temats base.html måste lista `alternates`",
        en="the {lang} version ({other}) exists but this page has no {missing} to it; the "
        "theme's base.html must list `alternates`",
    ),
    "check.head_link": T(
        sv="<link rel=alternate hreflang> i sidhuvudet", en="<link rel=alternate hreflang>"
    ),
    "check.visible_link": T(sv="synlig länk", en="visible link"),
    "check.deadline_passed": T(
        sv="sista anmälningsdag {deadline} har passerat, men evenemanget har inte ägt rum än; flytta "
        "sista anmälningsdag om anmälan fortfarande är öppen, eller skriv status: full och en "
        "status_note som säger att anmälan har stängt",
        en="the registration deadline {deadline} has passed, but the event is still upcoming; "
        "move the deadline if registration is still open, or set status: full and a status_note "
        "saying registration has closed",
    ),
    "check.no_end": T(
        sv="evenemanget har en starttid men inget slut; skriv end: som {example}, så att läsare och "
        "kalendrar vet hur länge det pågår",
        en="the event has a start time but no end; write end: like {example}, so readers and "
        "calendars know how long it lasts",
    ),
    "check.end_without_time": T(
        sv="evenemanget börjar vid ett klockslag men slutar en senare dag utan klockslag; skriv "
        "sluttiden, som end: {example}",
        en="the event starts at a time of day but ends on a later date without a time; write "
        "the end time, like end: {example}",
    ),
    "check.change_without_updated": T(
        sv="evenemanget har status: {status} men ingen updated:; kalendrar som redan har "
        "evenemanget tar in ändringen först när updated: flyttas fram: skriv datum och klockslag "
        "för ändringen, som updated: {example}",
        en="the event has status: {status} but no updated:; calendars that already hold it take "
        "the change only when updated: moves forward: write the date and time of the change, "
        "like updated: {example}",
    ),
    "check.updated_later": T(
        sv="updated: {updated} ligger efter nu; kalendrar räknar ändringar från den, så en senare "
        "rättelse bakåt skulle inte märkas: skriv tiden för den senaste ändringen",
        en="updated: {updated} is later than now; calendars count changes from it, so a later "
        "correction back would be ignored: write the time of the last change",
    ),
    "check.version_differs": T(
        sv="{fields} skiljer sig från {other}; båda är samma evenemang i läsarnas kalendrar: "
        "skriv samma i båda",
        en="{fields} differs from {other}; both are one event in readers' calendars: write the "
        "same in both",
    ),
    "check.versions_differ": T(
        sv="{fields} skiljer sig från {other}; båda är samma evenemang i läsarnas kalendrar: "
        "skriv samma i båda",
        en="{fields} differ from {other}; both are one event in readers' calendars: write the "
        "same in both",
    ),
    "check.no_summary": T(
        sv="saknas; skriv en eller två meningar i summary: — listor, sökmotorer och delade länkar "
        "visar dem",
        en="missing; write one or two sentences in summary: — lists, search engines and shared "
        "links show it",
    ),
    "check.large_file": T(
        sv="är {size}, mer än {limit} MB; den som läser i mobilen betalar för varje nedladdning: "
        "gör filen mindre (spara PDF:en för skärm, eller gör bilden mindre) eller dela upp den",
        en="is {size}, more than {limit} MB; readers on mobile data pay for every download: "
        "make it smaller (save the PDF for screen, or scale the image down) or split it",
    ),
    "check.outside_answered": T(
        sv="adressen {url} på en annan webbplats svarade {status}; öppna den i en webbläsare och "
        "rätta länken eller ta bort den",
        en="the outside address {url} answered {status}; open it in a browser, then correct the "
        "link or remove it",
    ),
    "check.outside_silent": T(
        sv="adressen {url} på en annan webbplats svarade inte ({reason}); öppna den i en "
        "webbläsare och rätta länken eller ta bort den",
        en="the outside address {url} did not answer ({reason}); open it in a browser, then "
        "correct the link or remove it",
    ),
}
