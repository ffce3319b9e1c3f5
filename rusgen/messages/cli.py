"""Messages of the command line: summaries, its own errors, the theme's, the writer's."""

from rusgen.messages.template import Template as T

# Counted words, by what they count: "{n} fel", "{n} sidor". report.count picks one or many.
COUNTS: dict[str, T] = {
    "count.error.one": T(sv="{n} fel", en="{n} error"),
    "count.error.many": T(sv="{n} fel", en="{n} errors"),
    "count.warning.one": T(sv="{n} varning", en="{n} warning"),
    "count.warning.many": T(sv="{n} varningar", en="{n} warnings"),
    "count.follower.one": T(sv="{n} följdfel", en="{n} follow-on error"),
    "count.follower.many": T(sv="{n} följdfel", en="{n} follow-on errors"),
    "count.follower_warning.one": T(sv="{n} följdvarning", en="{n} follow-on warning"),
    "count.follower_warning.many": T(sv="{n} följdvarningar", en="{n} follow-on warnings"),
    "count.page.one": T(sv="{n} sida", en="{n} page"),
    "count.page.many": T(sv="{n} sidor", en="{n} pages"),
    "count.region.one": T(sv="{n} region", en="{n} region"),
    "count.region.many": T(sv="{n} regioner", en="{n} regions"),
    "count.file.one": T(sv="{n} fil", en="{n} file"),
    "count.file.many": T(sv="{n} filer", en="{n} files"),
}

SUMMARIES: dict[str, T] = {
    "cli.level.error": T(sv="fel", en="error"),
    "cli.level.warning": T(sv="varning", en="warning"),
    "cli.and": T(sv="{first} och {second}", en="{first} and {second}"),
    "cli.built": T(
        sv="Byggde {regions}, {pages} till {output}/ (skrivna filer: {written}, oförändrade: "
        "{unchanged}, borttagna: {removed}).",
        en="Built {regions}, {pages} into {output}/ ({written} written, {unchanged} unchanged, "
        "{removed} removed).",
    ),
    "cli.build_failed": T(
        sv="Bygget misslyckades: {errors}. Den tidigare publicerade versionen är orörd.",
        en="Build failed: {errors}. The previous output was left as it was.",
    ),
    "cli.folded.links": T(
        sv="{pages} länkar hit; de länkarna fungerar igen när felet ovan är rättat",
        en="{pages} link here; those links work again once the error above is fixed",
    ),
    "cli.folded.others": T(
        sv="och {followers} i andra filer, som försvinner när felet ovan är rättat",
        en="and {followers} in other files, which go away once the error above is fixed",
    ),
    "cli.folded.both": T(
        sv="{pages} länkar hit, och {followers} till i andra filer; de försvinner när felet ovan "
        "är rättat",
        en="{pages} link here, and {followers} more in other files; they go away once the error "
        "above is fixed",
    ),
    "cli.bug": T(
        sv="fel: rusgen stötte på ett internt fel (felet ligger i rusgen, inte i ditt innehåll). "
        "En rapport är sparad i {report}; skicka den till den som sköter rusgen.",
        en="error: rusgen met an internal error (a bug in rusgen, not in your content). A report "
        "is saved in {report}; send it to whoever looks after rusgen.",
    ),
    "cli.bug_unsaved": T(
        sv="fel: rusgen stötte på ett internt fel (felet ligger i rusgen, inte i ditt innehåll), "
        "och rapporten kunde inte sparas: {error}",
        en="error: rusgen met an internal error (a bug in rusgen, not in your content), and the "
        "report could not be saved: {error}",
    ),
    "cli.unknown_kind": T(
        sv='det finns ingen filsort "{kind}"; skriv en av {kinds}, som `rusgen schema region`',
        en='no file kind "{kind}"; write one of {kinds}, like `rusgen schema region`',
    ),
}

PROJECT: dict[str, T] = {
    "cli.no_config": T(
        sv="{path}: filen finns inte. Kör rusgen i mappen där {config} ligger, eller ange mappen "
        "med --source MAPP.",
        en="{path}: not found. Run rusgen in the folder that holds {config}, or name it with "
        "--source DIR.",
    ),
    "cli.no_content": T(
        sv="{path}: mappen finns inte. Lägg en mapp per region i {content}/.",
        en="{path}: not found. Put one folder per region in {content}/.",
    ),
    "cli.unknown_region": T(
        sv='--region {region}: det finns ingen region "{region}" i content/; regionerna är {known}',
        en='--region {region}: no region "{region}" in content/; the regions are {known}',
    ),
    "build.running": T(
        sv="{path}: ett annat bygge av samma projekt pågår redan; vänta tills det är klart och "
        "bygg sedan igen",
        en="{path}: another build of this project is running; wait until it is done, then "
        "build again",
    ),
    "cli.base_url_one_region": T(
        sv="--base-url behöver exakt en --region, som rusgen build --region vastra-gotaland "
        "--base-url https://test.example.se/vg/",
        en="--base-url needs exactly one --region, e.g. rusgen build --region vastra-gotaland "
        "--base-url https://test.example.se/vg/",
    ),
    "cli.base_url_format": T(
        sv='--base-url: skriv en hel adress som börjar med https://, som '
        'https://test.example.se/vg/, men här står "{got}"',
        en='--base-url: expected an absolute address like https://test.example.se/vg/, '
        'got "{got}"',
    ),
    "cli.source_date_epoch": T(
        sv='SOURCE_DATE_EPOCH="{got}": skriv antalet sekunder sedan 1970, som 1700000000, eller '
        "ta bort variabeln",
        en='SOURCE_DATE_EPOCH="{got}": expected seconds since 1970, like 1700000000, or unset it',
    ),
    "cli.listen": T(
        sv="kan inte ta emot anrop på {host}:{port} ({reason}); välj en annan port med --port, "
        "som --port 8001",
        en="cannot listen on {host}:{port} ({reason}); try another port with --port, like "
        "--port 8001",
    ),
    "cli.preview_at": T(
        sv="Förhandsvisning på {url} (bara den här datorn kan öppna den). Tryck Ctrl-C för att "
        "stoppa.",
        en="Preview at {url} (only this computer can open it). Press Ctrl-C to stop.",
    ),
    "cli.preview_at_network": T(
        sv="Förhandsvisning på {url}. Tryck Ctrl-C för att stoppa.",
        en="Preview at {url}. Press Ctrl-C to stop.",
    ),
    "cli.preview_open": T(
        sv="--host {host}: alla i nätverket kan se förhandsvisningen, utkast också.",
        en="--host {host}: anyone on the network can see the preview, drafts included.",
    ),
    "cli.stopped": T(sv="Stoppad.", en="Stopped."),
}

FILES: dict[str, T] = {
    "os.denied": T(
        sv="{path}: rusgen får inte öppna filen; stäng programmet som har den öppen, eller be "
        "om behörighet till mappen",
        en="{path}: rusgen is not allowed to open it; close the program that has it open, or ask "
        "for permission to the folder",
    ),
    "os.full": T(
        sv="{path}: disken är full; gör plats och bygg igen",
        en="{path}: the disk is full; make room and build again",
    ),
    "os.missing": T(
        sv="{path}: filen eller mappen finns inte (den kan ha flyttats medan rusgen arbetade); "
        "kontrollera sökvägen och försök igen",
        en="{path}: no such file or folder (it may have moved while rusgen worked); check the "
        "path and try again",
    ),
    "cause.denied": T(sv="{path}: rusgen får inte skriva där", en="{path}: rusgen may not write there"),
    "cause.read_only": T(sv="{path}: disken är skrivskyddad", en="{path}: the disk is read-only"),
    "cause.full": T(sv="{path}: disken är full", en="{path}: the disk is full"),
    "cause.too_large": T(
        sv="{path}: filen är större än disken eller systemet tillåter",
        en="{path}: the file is larger than the disk or the system allows",
    ),
    "cause.other": T(sv="{path}: {reason}", en="{path}: {reason}"),
    "os.other": T(
        sv="{path}: rusgen kunde inte öppna filen ({reason})",
        en="{path}: rusgen could not open it ({reason})",
    ),
    "write.into_content": T(
        sv="{path}: att bygga hit skulle skriva över ditt innehåll; välj en tom mapp, som public",
        en="{path}: the output folder would overwrite your content; choose an empty folder, "
        "like public",
    ),
    "write.not_ours": T(
        sv="{path}: mappen innehåller filer som rusgen inte har skrivit; välj en tom eller ny mapp "
        "att bygga till",
        en="{path}: this folder holds files rusgen did not write; choose an empty or new folder "
        "for the output",
    ),
    "write.twice": T(
        sv="{path}: två delar av bygget skriver samma fil; det är ett fel i rusgen eller i temat",
        en="two outputs write {path}; this is a bug in rusgen or a theme",
    ),
    "write.failed": T(
        sv="{folder}: rusgen kunde inte skriva den nya versionen ({cause}); den tidigare "
        "versionen ligger kvar orörd. Gör plats på disken eller ge rusgen rätt att skriva i "
        "mappen och mappen bredvid den, och bygg igen",
        en="{folder}: rusgen could not write the new version ({cause}); the previous version "
        "is left as it was. Make room on the disk or let rusgen write to the folder and the "
        "folder beside it, and build again",
    ),
    "write.collision": T(
        sv="{path}: två delar av webbplatsen skulle bli samma fil (stora och små bokstäver räknas "
        "som lika): {first} och {second}; byt namn eller adress på den ena. Inget är skrivet",
        en="{path}: two parts of the site would become one file (capitals and small letters "
        "count as the same): {first} and {second}; rename or move one of them. Nothing was "
        "written",
    ),
    "write.source_file": T(sv="filen {path}", en="the file {path}"),
    "write.made_file": T(sv="sidan som rusgen gör till {path}", en="the page rusgen makes as {path}"),
    "write.folder_in_way": T(
        sv="{path}: här ligger en mapp där en fil ska skrivas; ta bort mappen",
        en="{path}: a folder stands where a file must be written; remove the folder",
    ),
}

INIT: dict[str, T] = {
    "init.not_empty": T(
        sv="{path}: mappen är inte tom; rusgen init skriver bara i en tom eller ny mapp, som "
        "`rusgen init rus-webbplatser`",
        en="{path}: the folder is not empty; rusgen init only writes into an empty or new "
        "folder, like `rusgen init rus-sites`",
    ),
    "init.not_a_folder": T(
        sv="{path}: här ligger en fil; ge rusgen init namnet på en ny mapp",
        en="{path}: a file is here; give rusgen init the name of a new folder",
    ),
    "init.done": T(
        sv="Skapade en ny webbplats i {path} ({count} filer). Nästa steg: `cd {path}` och "
        "`rusgen serve --open` för att se den; README.md där berättar hur ni publicerar.",
        en="Created a new site in {path} ({count} files). Next: `cd {path}` and "
        "`rusgen serve --open` to see it; README.md there tells how to publish.",
    ),
}

PROGRESS: dict[str, T] = {
    "progress.region": T(sv="{region}: {stage}", en="{region}: {stage}"),
    "progress.network": T(sv="{stage}", en="{stage}"),
    "progress.stage.load": T(sv="läser innehållet", en="reading the content"),
    "progress.stage.validate": T(sv="kontrollerar fälten", en="checking the fields"),
    "progress.stage.pages": T(sv="gör sidorna", en="rendering the pages"),
    "progress.stage.extras": T(sv="gör kalendrar, flöden och webbkarta",
                               en="making calendars, feeds and the sitemap"),
    "progress.stage.search": T(sv="väntar på sökindexen", en="waiting for the search indexes"),
    "progress.stage.network": T(sv="gör nätverkets startsida", en="making the network index"),
    "progress.stage.write": T(sv="skriver till utdatamappen", en="writing the output folder"),
    "progress.totals": T(sv="Tid per steg: {stages}. Totalt {total}.",
                         en="Time per stage: {stages}. In all {total}."),
}

SHARD: dict[str, T] = {
    "cli.shard_format": T(
        sv="--shard {got}: skriv vilken del av hur många, som --shard 1/4",
        en="--shard {got}: write which share of how many, like --shard 1/4",
    ),
    "cli.shard_range": T(
        sv="--shard {got}: delen ska vara ett tal från 1 till {count}, som --shard 1/{count}",
        en="--shard {got}: the share must be a number from 1 to {count}, like --shard 1/{count}",
    ),
}

THEME: dict[str, T] = {
    "theme.missing": T(
        sv='{path}: det finns inget tema "{theme}"; skriv ett av temana ({known}) under theme: i '
        "region.yaml eller rusgen.yaml",
        en='{path}: no such theme "{theme}"; write one of the themes ({known}) under theme: in '
        "region.yaml or rusgen.yaml",
    ),
    "theme.loop": T(
        sv="{path}: temat bygger på sig självt i en ring (extends); låt ett av temana bygga på "
        "default",
        en="{path}: the theme extends itself in a loop; let one of them extend default",
    ),
    "theme.yaml": T(sv="{path}:{line}: {problem}", en="{path}:{line}: {problem}"),
    "theme.not_a_map": T(
        sv="{path}: filen ska ha en text per rad, som `events_title: Evenemang`",
        en="{path}: expected one text a line, like `events_title: Events`",
    ),
    "theme.no_language": T(
        sv='{region}: languages: temat har inga texter på språket "{lang}"; lägg till filen '
        '{file} (kopiera {model} och översätt texterna), eller ta bort "{lang}" ur languages',
        en='{region}: languages: the theme has no texts in the language "{lang}"; add the file '
        '{file} (copy {model} and translate its texts), or remove "{lang}" from languages',
    ),
    "theme.no_string": T(
        sv='{file}: texten "{string}" saknas; lägg till en rad som `{string}: ...` med texten',
        en='{file}: the text "{string}" is missing; add a line like `{string}: ...` with the text',
    ),
    "theme.template_syntax": T(
        sv="{where}: mallen går inte att läsa ({problem}); rätta mallen i temat",
        en="{where}: template syntax: {problem}",
    ),
    "theme.template_missing": T(
        sv='mallen "{template}" finns inte i temat; lägg till den i temats templates/',
        en='template {template} not found in the theme; add it to the theme\'s templates/',
    ),
    "theme.template_error": T(
        sv="{where}: fel i temats mall: {problem}",
        en="{where}: template error: {problem}",
    ),
    "search.no_pagefind": T(
        sv="sökfunktionen behöver programmet Pagefind; installera det med "
        "pip install 'pagefind[extended]'",
        en="the search index needs Pagefind: pip install 'pagefind[extended]'",
    ),
    "search.failed": T(
        sv="{region}: sökindexet kunde inte byggas (Pagefind svarade: {problem})",
        en="{region}: Pagefind could not index the site: {problem}",
    ),
}

PREVIEW: dict[str, T] = {
    "preview.built": T(
        sv="Byggde om på {ms} ms: {files} ändrade.",
        en="Built in {ms} ms: {files} changed.",
    ),
    "preview.failed": T(
        sv="Bygget misslyckades: {errors}. Förhandsvisningen visar de senaste fungerande sidorna.",
        en="Build failed: {errors}. The preview keeps showing the last good pages.",
    ),
    "preview.title": T(
        sv="Förhandsvisningen kunde inte byggas om",
        en="The preview could not be rebuilt",
    ),
    "preview.note": T(
        sv="Sidan visar den senaste fungerande versionen. Rätta felet och spara, så försvinner "
        "rutan.",
        en="You see the last version that worked. Correct the error and save, and the box goes "
        "away.",
    ),
    "preview.close": T(sv="Stäng", en="Close"),
    "preview.request_failed": T(
        sv="fel: ett anrop till förhandsvisningen misslyckades: {problem}",
        en="error: serving a request failed: {problem}",
    ),
    "preview.rebuild_bug": T(
        sv="fel: ombyggnaden misslyckades oväntat (ett fel i rusgen): {problem}",
        en="error: the rebuild failed unexpectedly (a bug in rusgen): {problem}",
    ),
    "preview.bug": T(
        sv="{where}: ett oväntat fel i rusgen (inte i ditt innehåll): {problem}",
        en="{where}: unexpected error (a bug in rusgen): {problem}",
    ),
}

MESSAGES: dict[str, T] = {
    **COUNTS, **SUMMARIES, **PROJECT, **FILES, **INIT, **PROGRESS, **SHARD, **THEME, **PREVIEW
}
