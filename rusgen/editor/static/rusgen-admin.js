// rusgen's part of the editor in the browser (/admin/), beside Decap CMS.
//
// Everywhere: before a save, fields left empty are taken out of the entry, so a file
// holds no `end: ""` that rusgen would have to refuse (an empty field and an absent one
// mean the same to a writer). With `rusgen serve` (setup.local): every collection's
// preview is the page as rusgen's theme renders it, and after a save rusgen's messages
// about the saved file, in the project's language, are shown in a box on the page.
(function () {
  "use strict";
  var setup = JSON.parse(document.getElementById("rusgen-setup").textContent);
  var words = setup.words;
  var CMS = window.CMS;

  // Immutable's Map and List as Decap holds an entry's data, without the empty values.
  function withoutEmpty(value) {
    if (value === null || value === undefined) return undefined;
    if (typeof value === "string") return value.trim() === "" ? undefined : value;
    if (value && typeof value.filter === "function" && typeof value.map === "function" &&
        typeof value.isEmpty === "function") {
      var kept = value.map(withoutEmpty).filter(function (v) { return v !== undefined; });
      return kept.isEmpty() ? undefined : kept;
    }
    return value;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      return withoutEmpty(data) || data.clear();
    },
  });

  if (!setup.local) return;

  // The file text Decap saves, near enough for rusgen to render: JSON is YAML, so the front
  // matter is the entry's data as JSON, with the Markdown text after it.
  function rawText(entry) {
    var data = withoutEmpty(entry.get("data"));
    var fields = data ? data.toJS() : {};
    var body = fields.body || "";
    delete fields.body;
    return "---\n" + JSON.stringify(fields, null, 1) + "\n---\n" + body + "\n";
  }

  // Where a new entry of a folder collection is saved: its folder, slug and extension.
  function newPath(collection, slug) {
    var where = setup.collections[collection];
    return where && slug ? where.folder + "/" + slug + "." + where.extension : "";
  }

  function entryPath(entry, collection) {
    return entry.get("path") || newPath(collection.get("name"), entry.get("slug") || "ny-sida");
  }

  var Preview = window.createClass({
    getInitialState: function () { return { html: "", failed: false }; },
    componentDidMount: function () { this.ask(); },
    componentDidUpdate: function (before) {
      if (before.entry !== this.props.entry) this.ask();
    },
    componentWillUnmount: function () { clearTimeout(this.timer); this.gone = true; },
    ask: function () {
      var self = this;
      clearTimeout(self.timer);
      // A pause in typing, not every key, renders the page again.
      self.timer = setTimeout(function () {
        var body = JSON.stringify({
          path: entryPath(self.props.entry, self.props.collection),
          raw: rawText(self.props.entry),
        });
        fetch("/api/rusgen/preview", {
          method: "POST", headers: { "Content-Type": "application/json" }, body: body,
        }).then(function (answer) {
          if (!answer.ok && answer.status !== 422) throw new Error(String(answer.status));
          return answer.text();
        }).then(function (html) {
          if (!self.gone) self.setState({ html: html, failed: false });
        }).catch(function () {
          if (!self.gone) self.setState({ failed: true });
        });
      }, 300);
    },
    render: function () {
      var h = window.h;
      if (this.state.failed) return h("p", { role: "alert" }, words.preview_failed);
      if (!this.state.html) return h("p", null, words.preview_waiting);
      return h("iframe", {
        title: words.title, srcDoc: this.state.html,
        style: { border: "0", width: "100%", height: "100vh", display: "block" },
      });
    },
  });

  Object.keys(setup.collections).forEach(function (name) {
    CMS.registerPreviewTemplate(name, Preview);
  });

  function box() {
    var old = document.getElementById("rusgen-messages");
    if (old) old.remove();
    var element = document.createElement("section");
    element.id = "rusgen-messages";
    element.setAttribute("role", "status");
    element.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:99999;max-width:32rem;" +
      "background:#fff;color:#111;border:2px solid #313d3e;border-radius:4px;padding:1rem;" +
      "font:16px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = words.close;
    close.style.cssText = "float:right;margin-left:1rem";
    close.addEventListener("click", function () { element.remove(); });
    element.appendChild(close);
    document.body.appendChild(element);
    return element;
  }

  function showMessages(path, answer) {
    var element = box();
    var messages = answer.messages || [];
    var heading = document.createElement("p");
    if (messages.length) {
      heading.textContent = words.problems.replace("{path}", path);
      element.appendChild(heading);
      var list = document.createElement("ul");
      messages.forEach(function (message) {
        var item = document.createElement("li");
        var where = message.line ? words.line.replace("{line}", message.line) + ": " : "";
        item.textContent = where + (message.field ? message.field + ": " : "") + message.text;
        list.appendChild(item);
      });
      element.appendChild(list);
      return;
    }
    heading.textContent = answer.page ? words.saved + " " : words.saved_no_page;
    if (answer.page) {
      var link = document.createElement("a");
      link.href = answer.page;
      link.target = "_blank";
      link.textContent = answer.page;
      link.style.cssText = "color:#0b4f8a;text-decoration:underline";
      heading.appendChild(link);
    }
    element.appendChild(heading);
  }

  // After a save, the messages about the file it wrote. The backend names that file (Decap
  // tells no new entry's path). Not returned: Decap would wait for the rebuild to go on.
  CMS.registerEventListener({
    name: "postSave",
    handler: function () {
      fetch("/api/rusgen/messages")
        .then(function (answer) {
          if (!answer.ok) throw new Error(String(answer.status));
          return answer.json();
        })
        .then(function (answer) { if (answer.path) showMessages(answer.path, answer); })
        .catch(function () { box().appendChild(document.createTextNode(words.no_answer)); });
    },
  });
})();
