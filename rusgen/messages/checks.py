"""Messages of `rusgen check`: what it finds in the built site beyond the build's errors."""

from rusgen.messages.template import Template as T

MESSAGES = {
    "check.document_inaccessible": T(
        sv="{file} är inte tillgängligt: {failures}. DOS-lagen kräver tillgängliga dokument. Gör så "
        "här: {fixes} Går det inte, skriv `exemption: oskäligt betungande` med `justification:` "
        "eller `alternative:` (en sida med samma innehåll) vid dokumentet",
        en="{file} is not accessible: {failures}. DOS-lagen requires accessible documents. Do this: "
        "{fixes} If that is not possible, write `exemption: oskäligt betungande` with "
        "`justification:` or `alternative:` (a page with the same content) by the document",
    ),
    "check.statement_full_but_documents": T(
        sv="tillgänglighetsredogörelsen säger att webbplatsen är helt förenlig med lagen, men "
        "{count} dokument är inte tillgängliga och listas i den; skriv `status: delvis`",
        en="the accessibility statement says the site fully complies with the law, but {count} "
        "documents are not accessible and are listed in it; write `status: delvis`",
    ),
    "check.document_fails.unreadable": T(sv="går inte att öppna", en="cannot be opened"),
    "check.document_fails.untagged": T(sv="saknar taggar", en="not tagged"),
    "check.document_fails.no_language": T(sv="saknar angivet språk", en="no language set"),
    "check.document_fails.no_title": T(sv="saknar titel", en="no title"),
    "check.document_fails.title_hidden": T(
        sv="visar filnamnet i stället för titeln", en="shows the file name instead of the title"),
    "check.document_fails.no_text": T(sv="saknar text (skannade bilder)", en="no text (scanned images)"),
    "check.document_fix.unreadable": T(
        sv="Spara dokumentet på nytt från originalet; det är skadat eller har lösenord.",
        en="Save the document again from its original; it is damaged or has a password.",
    ),
    "check.document_fix.untagged": T(
        sv="I Word: Arkiv > Spara som > PDF > Alternativ, kryssa i ”Dokumentstrukturtaggar för "
        "tillgänglighet”. I InDesign: Arkiv > Exportera > Adobe PDF (Tryck), kryssa i ”Skapa "
        "taggad PDF”.",
        en="In Word: File > Save As > PDF > Options, tick “Document structure tags for "
        "accessibility”. In InDesign: File > Export > Adobe PDF (Print), tick “Create Tagged PDF”.",
    ),
    "check.document_fix.no_language": T(
        sv="I Word: Granska > Språk > Ange språk för korrektur, välj svenska för all text. I "
        "InDesign: välj språk i teckenformaten, och Avancerat > Språk när du exporterar.",
        en="In Word: Review > Language > Set Proofing Language, choose Swedish for all text. In "
        "InDesign: set the language in the character styles, and Advanced > Language on export.",
    ),
    "check.document_fix.no_title": T(
        sv="I Word: Arkiv > Information > Egenskaper, skriv en Rubrik. I InDesign: Arkiv > "
        "Filinformation, skriv en Dokumenttitel.",
        en="In Word: File > Info > Properties, write a Title. In InDesign: File > File Info, write "
        "a Document Title.",
    ),
    "check.document_fix.title_hidden": T(
        sv="I InDesign: Exportera > Adobe PDF > Avancerat, välj Visa titel: Dokumenttitel. Word "
        "gör det själv när dokumentet har en Rubrik.",
        en="In InDesign: Export > Adobe PDF > Advanced, choose Display Title: Document Title. Word "
        "does it when the document has a Title.",
    ),
    "check.document_fix.no_text": T(
        sv="Spara PDF:en från originalfilen i stället för att skanna papperet; finns bara "
        "papperet, låt ett OCR-program (textigenkänning) lägga in texten.",
        en="Save the PDF from the original file instead of scanning paper; if only paper exists, "
        "let an OCR program (text recognition) add the text.",
    ),
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
    "check.moved_without_updated": T(
        sv="evenemanget är flyttat (previous_start:) men har ingen updated:; kalendrar tar in "
        "flytten nu, men en senare ändring först när updated: flyttas fram: skriv datum och "
        "klockslag för flytten, som updated: {example}",
        en="the event has moved (previous_start:) but has no updated:; calendars take this move, "
        "but a later change only when updated: moves forward: write the date and time of the "
        "move, like updated: {example}",
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
