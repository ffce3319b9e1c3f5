// The live-reload client that `rusgen serve` injects into served pages, never into built files.
// server/handler.py replaces __SETUP__ with the server's id, the page's fingerprint and the
// build's problems. The editor's draft preview (editor/draft.py) draws its errors with the
// same box: its setup has no server, so the box is shown and nothing is connected.
(function () {
  var setup = __SETUP__;
  var box = null;
  function hide() { if (box) { box.remove(); box = null; } }
  function show(problems) {
    hide();
    if (!problems.length) return;
    box = document.createElement("div");
    box.id = "rusgen-problems";
    box.setAttribute("role", "alert");
    box.setAttribute("style", "position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;" +
      "overflow:auto;background:#fff;color:#1a1a1a;border-top:6px solid #b00020;padding:1rem 1.25rem;" +
      "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.3)");
    // The first cause comes right under the title, so it is seen without scrolling; the
    // follow-on errors it causes are one line under it.
    var title = document.createElement("h2");
    title.textContent = setup.words[0];
    title.setAttribute("style", "margin:0 0 .5rem;font-size:1.2rem;color:#b00020");
    var list = document.createElement("ul");
    list.setAttribute("style", "margin:0 0 .75rem;padding-left:1.25rem");
    problems.forEach(function (p) {
      var item = document.createElement("li");
      item.setAttribute("style", "white-space:pre-wrap");  // an example block keeps its lines
      var where = document.createElement("code");
      where.textContent = p.file + (p.line ? ":" + p.line : "");
      item.appendChild(where);
      item.appendChild(document.createTextNode(" " + p.message));
      if (p.note) {
        var note = document.createElement("div");
        note.textContent = p.note;
        note.setAttribute("style", "color:#4a4a4a");
        item.appendChild(note);
      }
      list.appendChild(item);
    });
    var help = document.createElement("p");
    help.textContent = setup.words[1];
    help.setAttribute("style", "margin:0 0 .5rem");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = setup.words[2];
    close.setAttribute("style", "font:inherit;padding:.25rem .75rem;border:2px solid #1a1a1a;" +
      "background:#fff;color:#1a1a1a;cursor:pointer");
    close.addEventListener("click", hide);
    box.append(title, list, help, close);
    document.body.appendChild(box);
  }
  function swapCss() {
    var stamp = Date.now();
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("rusgen", stamp);
      link.href = url.href;
    });
  }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  if (setup.problems.length) {
    if (document.body) show(setup.problems);
    else document.addEventListener("DOMContentLoaded", function () { show(setup.problems); });
  }
  if (!setup.server) return;  // the draft preview's box: no live reload
  // The server compares the page we show (by its digest) with the page as it is now, and
  // sends "reload" only when they differ: a rebuild that changed nothing here keeps the page.
  var servedHead = document.head.innerHTML;  // before any stylesheet swap changes it
  var source = null;
  function connect() {
    source = new EventSource("/__rusgen/events?page=" + encodeURIComponent(location.pathname) +
      "&digest=" + setup.digest + "&styles=" + setup.styles);
    source.addEventListener("hello", function (e) {
      var hello = JSON.parse(e.data);
      if (hello.server !== setup.server) { location.reload(); return; }  // the server restarted
      // A build failed or recovered between serving this page and connecting: catch up,
      // but leave a box the reader closed alone when nothing new went wrong.
      if (JSON.stringify(hello.problems) !== JSON.stringify(setup.problems)) {
        setup.problems = hello.problems;
        show(setup.problems);
      }
    });
    source.addEventListener("reload", function (e) {
      source.close();  // the server ends this stream; a new one says which version we show
      if (JSON.parse(e.data).full) location.reload(); else update();
    });
    source.addEventListener("css", function (e) {
      var news = JSON.parse(e.data);
      setup.styles = news.styles;
      if (news.ok) { setup.problems = []; hide(); }  // sent after a rebuild that succeeded
      swapCss();
    });
    source.addEventListener("problems", function (e) {
      setup.problems = JSON.parse(e.data);
      show(setup.problems);
    });
    source.addEventListener("ok", function () { setup.problems = []; hide(); });
  }
  // Put the new version of the page in place when only its body changed and the body runs
  // no script: the stylesheets stay (no new requests) and so does the scroll position.
  // Anything else (a new title, a script, a 404) is a normal reload.
  function update() {
    fetch(location.href, { cache: "no-store" }).then(function (answer) {
      if (!answer.ok) throw new Error("status " + answer.status);
      return answer.text();
    }).then(function (text) {
      var next = new DOMParser().parseFromString(text, "text/html");
      var found = text.match(/\n  var setup = (.*);\n/);
      if (!found || next.head.innerHTML !== servedHead ||
          next.body.querySelector("script[src], noscript")) throw new Error("not in place");
      hide();
      document.body.replaceWith(next.body);
      // The stylesheets stay as they were loaded: keep their version, so that the server
      // swaps them if they changed too.
      var styles = setup.styles;
      setup = JSON.parse(found[1]);
      setup.styles = styles;
      if (setup.problems.length) show(setup.problems);
      connect();
    }).catch(function () { location.reload(); });
  }
  connect();
})();
