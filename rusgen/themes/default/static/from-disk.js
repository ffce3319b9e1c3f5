// Progressive enhancement for a site opened from disk (file://). Links to pages end in "/"
// ("../events/"), which a web server answers with the folder's index.html; a browser
// reading the disk shows the folder's listing instead. So, only when the page itself was
// opened from disk, point each link to a folder at its index.html. Over http(s) this
// script changes nothing: the addresses readers see, copy and share stay short.
(function () {
  "use strict";
  if (window.location.protocol !== "file:") { return; }
  // A redirect page for an old address (redirect.html) loads this script right after its
  // <meta http-equiv="refresh">: go to the target's index.html before the refresh fires.
  var refresh = document.querySelector("meta[http-equiv=refresh]");
  var target = refresh && refresh.getAttribute("content").split("url=")[1];
  if (target && target.slice(-1) === "/") {
    window.location.replace(target + "index.html");
    return;
  }
  var links = document.querySelectorAll("a[href]");
  for (var i = 0; i < links.length; i++) {
    var href = links[i].getAttribute("href");
    var url = new URL(href, document.baseURI);
    if (url.protocol !== "file:" || url.pathname.slice(-1) !== "/") { continue; }
    // Keep the link relative: add index.html before any ?query or #fragment.
    var end = href.search(/[?#]/);
    if (end === -1) { end = href.length; }
    links[i].setAttribute("href", href.slice(0, end) + "index.html" + href.slice(end));
  }
}());
