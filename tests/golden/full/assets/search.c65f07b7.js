// Progressive enhancement of the search page: loads this region's own Pagefind index by a
// URL relative to the page, so the site works from any folder of any host. No other host
// is contacted. Opened from disk (file://) browsers refuse to load modules: say so.
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
  var loading = null;

  function unavailable() {
    document.querySelector("[data-search-unavailable]").hidden = false;
    form.hidden = true;
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
      excerpt.innerHTML = page.excerpt;  // Pagefind escapes the text and adds only <mark>
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
    pagefind().then(function (module) {
      return module.search(query);
    }).then(function (found) {
      return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(function (pages) {
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
  if (window.location.protocol === "file:") { unavailable(); }
}());
