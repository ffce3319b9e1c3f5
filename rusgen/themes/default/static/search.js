// Progressive enhancement of the search page: loads this region's own Pagefind index by a
// URL relative to the page, so the site works from any folder of any host. No other host
// is contacted. Opened from disk (file://), browsers refuse to load Pagefind's modules and
// files, so there it searches search-index.js instead, a plain script with each page's
// text: every word of the query must begin a word of the page ("laddstation" finds
// "laddstationer"), and hits in the title count most.
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  var box = document.querySelector("[data-search-results]");
  if (!form || !box) { return; }
  var input = form.querySelector("input[name=q]");
  var status = box.querySelector("[role=status]");
  var list = box.querySelector("ol");
  var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI);
  var root = new URL("../", bundle);
  var onDisk = window.location.protocol === "file:";
  var loading = null;
  var diskIndex = null;

  function unavailable() {
    document.querySelector("[data-search-unavailable]").hidden = false;
    form.hidden = true;
  }

  function loadDiskIndex() {
    if (!diskIndex) {
      diskIndex = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = box.getAttribute("data-disk-index");
        script.onload = function () { resolve(window.rusgenSearchIndex || []); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return diskIndex;
  }

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function hits(pageWords, term) {
    return pageWords.filter(function (word) { return word.indexOf(term) === 0; }).length;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // About 30 words around the first hit, the query's words marked as Pagefind marks them.
  function excerpt(text, terms) {
    var lower = text.toLowerCase();
    var first = Math.max(0, Math.min.apply(null, terms.map(function (term) {
      var at = lower.indexOf(term);
      return at === -1 ? Infinity : at;
    })));
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, first - 60)));
    var end = text.length;
    if (start + 200 < text.length) {
      end = text.lastIndexOf(" ", start + 200);  // end between words
      if (end <= first) { end = start + 200; }
    }
    var piece = text.slice(start, end).trim();
    var pattern = new RegExp("(" + terms.join("|") + ")", "gi");  // terms: letters and digits only
    return (start > 0 ? "… " : "") + piece.split(pattern).map(function (part, index) {
      return index % 2 ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
    }).join("") + (end < text.length ? " …" : "");
  }

  function searchDisk(query) {
    var terms = words(query);
    var lang = document.documentElement.lang;
    return loadDiskIndex().then(function (entries) {
      var found = [];
      entries.forEach(function (entry) {
        if (entry.lang !== lang) { return; }
        entry.titleWords = entry.titleWords || words(entry.title);
        entry.words = entry.words || words(entry.text);
        var score = 0;
        var all = terms.every(function (term) {
          var inTitle = hits(entry.titleWords, term);
          var inText = hits(entry.words, term);
          score += 10 * inTitle + inText;
          return inTitle + inText > 0;
        });
        if (all) { found.push({ entry: entry, score: score }); }
      });
      found.sort(function (a, b) {
        return b.score - a.score || a.entry.title.localeCompare(b.entry.title, lang);
      });
      return found.slice(0, 20).map(function (hit) {
        return { url: hit.entry.file, meta: { title: hit.entry.title }, excerpt: excerpt(hit.entry.text, terms) };
      });
    });
  }

  function searchPagefind(query) {
    return pagefind().then(function (module) {
      return module.search(query);
    }).then(function (found) {
      return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }));
    });
  }

  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind.js", bundle).href).then(function (module) {
        return module.options({ baseUrl: "/" }).then(function () { return module; });
      });
    }
    return loading;
  }

  function message(name, values) {
    return box.getAttribute(name).replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function show(query, pages) {
    list.textContent = "";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = new URL(page.url.replace(/^\//, ""), root).href;
      link.textContent = page.meta && page.meta.title ? page.meta.title : page.url;
      heading.appendChild(link);
      var excerpt = document.createElement("p");
      excerpt.innerHTML = page.excerpt;  // escaped text with <mark> only, from either engine
      item.appendChild(heading);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    var name = pages.length === 0 ? "data-msg-none" : pages.length === 1 ? "data-msg-one" : "data-msg-results";
    status.textContent = message(name, { count: pages.length, query: query });
  }

  function run(query) {
    query = query.trim();
    if (!query) { status.textContent = ""; list.textContent = ""; return; }
    (onDisk ? searchDisk(query) : searchPagefind(query)).then(function (pages) {
      show(query, pages);
    }, unavailable);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url.href);
    run(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
}());
