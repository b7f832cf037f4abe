/* kg explorer: draws the graph embedded in #kg-data with vis-network (inlined, no network).
   Everything the page shows is built with textContent, never innerHTML, so labels and
   quotes from documents cannot inject markup. window.kgExplorer is the handle tests use. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var lang = data.lang || "zh";
  var hiddenTypes = {};
  var docFilter = "";
  var topN = data.nodes.length;
  var selected = null;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function label(n) { return lang === "zh" ? (n.zh || n.en) : (n.en || n.zh); }
  function edgeLabel(e) {
    var own = lang === "zh" ? e.zh : e.en;
    return own || data.relations[e.rel][lang];
  }
  function visNode(n) {
    var t = data.types[n.type];
    return {
      id: n.id, label: label(n), shape: t.shape,
      color: { background: t.color, border: t.border, highlight: { background: t.color, border: "#000" } },
      font: { color: t.shape === "box" ? "#fff" : "#222" },
      title: n.zh + " / " + n.en + " (" + t[lang] + ")",
      hidden: !visible(n)
    };
  }
  function visEdge(e, i) {
    return { id: i, from: e.from, to: e.to, label: edgeLabel(e), arrows: "to",
             color: { color: data.relations[e.rel].color }, font: { size: 10, align: "middle" } };
  }
  function visible(n) {
    if (hiddenTypes[n.type]) return false;
    if (docFilter !== "" && n.docs.indexOf(Number(docFilter)) < 0) return false;
    return n.rank < topN;
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var api = { network: network, nodes: nodes, edges: edges, stabilized: false, data: data };
  window.kgExplorer = api;

  var progress = document.getElementById("progress");
  network.on("stabilizationProgress", function (p) {
    progress.hidden = false;
    progress.textContent = "布局 / layout " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    progress.hidden = true;
    network.setOptions({ physics: { enabled: false } });
    api.stabilized = true;
  });

  function refresh() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !visible(n) }; }));
    updateStats();
  }
  function updateStats() {
    var shown = data.nodes.filter(visible).length;
    var text = shown + " / " + data.total + (lang === "zh" ? " 个实体" : " entities");
    document.getElementById("stats").textContent = text;
  }

  function setLanguage(l) {
    lang = l;
    document.documentElement.lang = l;
    nodes.update(data.nodes.map(function (n) { return { id: n.id, label: label(n) }; }));
    edges.update(data.edges.map(function (e, i) { return { id: i, label: edgeLabel(e) }; }));
    document.getElementById("lang-zh").classList.toggle("active", l === "zh");
    document.getElementById("lang-en").classList.toggle("active", l === "en");
    buildLegend();
    updateStats();
    showHits();
    if (selected !== null) showDetails(selected);
  }
  api.setLanguage = setLanguage;
  document.getElementById("lang-zh").addEventListener("click", function () { setLanguage("zh"); });
  document.getElementById("lang-en").addEventListener("click", function () { setLanguage("en"); });

  function buildLegend() {
    var list = document.getElementById("legend-list");
    list.replaceChildren();
    Object.keys(data.types).forEach(function (type) {
      var t = data.types[type];
      var count = data.nodes.filter(function (n) { return n.type === type; }).length;
      var li = el("li");
      var box = el("input");
      box.type = "checkbox"; box.checked = !hiddenTypes[type]; box.dataset.type = type;
      box.addEventListener("change", function () { hiddenTypes[type] = !box.checked; refresh(); });
      var swatch = el("span", "", "swatch " + t.shape);
      swatch.style.setProperty("--c", t.color);
      var lab = el("label");
      lab.append(box, swatch, el("span", t[lang] + " (" + count + ")"));
      li.append(lab);
      list.append(li);
    });
    var elist = document.getElementById("edge-legend");
    elist.replaceChildren();
    Object.keys(data.relations).forEach(function (rel) {
      var r = data.relations[rel];
      var li = el("li");
      var line = el("span", "", "line");
      line.style.setProperty("--c", r.color);
      li.append(line, el("span", r[lang]));
      elist.append(li);
    });
  }

  function section(title, items) {
    var s = el("div", null, "block");
    s.append(el("h3", title));
    var ul = el("ul");
    items.forEach(function (it) { var li = el("li"); li.append(it); ul.append(li); });
    if (!items.length) ul.append(el("li", "—", "none"));
    s.append(ul);
    return s;
  }
  function showDetails(id) {
    selected = id;
    var n = byId[id];
    var zh = lang === "zh";
    var box = document.getElementById("details");
    box.replaceChildren();
    box.append(el("h2", label(n)));
    var t = data.types[n.type];
    box.append(el("p", t[lang] + " · " + (zh ? "置信度 " : "confidence ") + n.conf, "meta"));
    var labels = [el("span", "中文: " + n.zh), el("span", "English: " + n.en)];
    box.append(section(zh ? "名称" : "Labels", labels));
    box.append(section(zh ? "别名" : "Aliases", n.aliases.map(function (a) { return el("span", a); })));
    if (n.type === "Person") {
      box.append(section(zh ? "职务" : "Posts held", n.posts.map(function (p) {
        var role = zh ? p[0] : (p[1] || p[0]);
        var org = zh ? p[2] : (p[3] || p[2]);
        return el("span", org ? role + " @ " + org : role);
      })));
    }
    box.append(section(zh ? "原文句子" : "Source sentences", n.ev.map(function (ev) {
      var q = el("blockquote");
      q.append(document.createTextNode(ev[4]), el("mark", ev[3]), document.createTextNode(ev[5]));
      var doc = data.documents[ev[0]];
      var cite = el("cite", (doc.name || doc.id) + " [" + ev[1] + "–" + ev[2] + "]");
      var wrap = el("span");
      wrap.append(q, cite);
      return wrap;
    })));
    var iri = el("p", n.iri, "iri");
    box.append(iri);
  }
  api.showDetails = showDetails;
  network.on("click", function (params) {
    if (params.nodes.length) showDetails(params.nodes[0]);
  });

  var lastHits = null;
  function showHits() {
    document.getElementById("search-result").textContent =
      lastHits === null ? "" : lastHits + (lang === "zh" ? " 个结果" : " found");
  }
  function search(text) {
    var q = text.trim().toLowerCase();
    if (!q) { lastHits = null; showHits(); return []; }
    var hits = data.nodes.filter(function (n) {
      return [n.zh, n.en].concat(n.aliases).some(function (s) { return s && s.toLowerCase().indexOf(q) >= 0; });
    });
    hits.sort(function (a, b) { return a.rank - b.rank; });
    lastHits = hits.length;
    showHits();
    if (hits.length) {
      var n = hits[0];
      if (!visible(n)) { hiddenTypes[n.type] = false; docFilter = ""; topN = Math.max(topN, n.rank + 1); syncControls(); refresh(); }
      network.selectNodes(hits.map(function (h) { return h.id; }).filter(function (id) { return visible(byId[id]); }));
      network.focus(n.id, { scale: 1.2, animation: false });
      showDetails(n.id);
    }
    return hits.map(function (h) { return h.id; });
  }
  api.search = search;
  var input = document.getElementById("search");
  document.getElementById("search-go").addEventListener("click", function () { search(input.value); });
  input.addEventListener("keydown", function (e) { if (e.key === "Enter") search(input.value); });

  var docSelect = document.getElementById("doc-filter");
  data.documents.forEach(function (d, i) {
    var o = el("option", d.name || d.id);
    o.value = String(i);
    docSelect.append(o);
  });
  docSelect.addEventListener("change", function () { docFilter = docSelect.value; refresh(); });
  var topInput = document.getElementById("top-n");
  topInput.max = String(data.nodes.length);
  topInput.addEventListener("change", function () {
    var v = parseInt(topInput.value, 10);
    topN = v > 0 ? v : data.nodes.length;
    refresh();
  });
  function syncControls() {
    docSelect.value = docFilter;
    topInput.value = String(topN);
    document.querySelectorAll("#legend-list input").forEach(function (b) { b.checked = !hiddenTypes[b.dataset.type]; });
  }

  topInput.value = String(topN);
  buildLegend();
  updateStats();
})();
