/* digest: Pagefind search in Material's search overlay (partials/pagefind.html).
   pagefind.js, its WebAssembly and the index shards a query needs load from this site
   the first time a reader opens search; nothing loads before that and nothing from any
   other host. Results use Material's classes. Excerpts are Pagefind's text with <mark>
   around matches: rebuilt node by node, so text from a page never becomes markup. */
(function () {
  "use strict";
  var root = document.querySelector("[data-digest-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("input[name=query]");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var site = new URL(root.getAttribute("data-site"), location.href);
  var SHOWN = 10; // results whose excerpt is fetched (one small fragment file each)
  var loading = null;
  var ticket = 0;

  function text(name) {
    return root.getAttribute("data-" + name) || "";
  }

  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", site).href).then(function (pf) {
        return pf.options({ baseUrl: site.pathname, excerptLength: 24 }).then(function () {
          return pf;
        });
      });
      loading.catch(function () {
        loading = null; // try again on the next keystroke
      });
    }
    return loading;
  }

  function element(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  function excerpt(html) {
    var inert = document.createElement("template");
    inert.innerHTML = html; // a template's content never runs scripts or loads images
    var p = element("p");
    Array.prototype.forEach.call(inert.content.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = element("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function result(data) {
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    var article = element("article", "md-search-result__article md-typeset");
    var title = element("h1");
    link.href = data.url;
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.appendChild(title);
    article.appendChild(excerpt(data.excerpt || ""));
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function show(query, total, shown) {
    list.replaceChildren();
    if (!query) {
      meta.textContent = text("placeholder");
      return;
    }
    if (total === 0) meta.textContent = text("none");
    else if (total === 1) meta.textContent = text("one");
    else meta.textContent = text("other").replace("#", String(total));
    shown.forEach(function (data) {
      list.appendChild(result(data));
    });
  }

  function run() {
    var query = input.value.trim();
    var mine = ++ticket;
    if (!query) return show("", 0, []);
    pagefind()
      .then(function (pf) {
        return pf.debouncedSearch(query, {}, 120);
      })
      .then(function (found) {
        if (!found || mine !== ticket) return; // a newer keystroke superseded this query
        var top = found.results.slice(0, SHOWN).map(function (r) {
          return r.data();
        });
        return Promise.all(top).then(function (shown) {
          if (mine === ticket) show(query, found.results.length, shown);
        });
      })
      .catch(function (error) {
        if (mine === ticket) meta.textContent = "Search is unavailable: " + error.message;
      });
  }

  function open() {
    toggle.checked = true;
    input.focus();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("input", run);
  input.addEventListener("focus", function () {
    toggle.checked = true; // as Material does: focusing the field opens the overlay
    pagefind();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      run();
      input.focus();
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    if (event.key === "Escape" && toggle.checked) {
      close();
    } else if (!typing && !toggle.checked && /^[/sf]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault(); // Material's own shortcuts for search: "/", "s" and "f"
      open();
    } else if (toggle.checked && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? at + 1 : at < 0 ? links.length - 1 : at - 1;
      event.preventDefault();
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    }
  });
})();
