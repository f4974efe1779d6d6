// Keeps the tracks table current while tracks are processed: polls the JSON API for the same
// query and rewrites the rows with DOM text nodes only, so no value is ever parsed as HTML.
(function () {
  "use strict";
  var table = document.getElementById("tracks");
  if (!table) { return; }
  var api = table.getAttribute("data-api");
  var body = table.tBodies[0];
  var total = document.getElementById("total");
  var INTERVAL_MS = 3000;

  function text(parent, tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) { el.className = cls; }
    parent.appendChild(el);
    return el;
  }

  function percent(p) { return (p * 100).toFixed(1) + " %"; }
  function clock(s) { var w = Math.floor(s); var m = Math.floor(w / 60); var r = w % 60; return m + ":" + (r < 10 ? "0" : "") + r; }
  function time(iso) { return iso.substring(0, 10) + " " + iso.substring(11, 16) + " UTC"; }

  function row(t) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-id", t.id);
    var name = document.createElement("td");
    var link = text(name, "a", t.title || t.name);
    link.href = "/tracks/" + encodeURIComponent(t.id);
    if (t.artist) { name.appendChild(document.createElement("br")); text(name, "span", t.artist, "artist"); }
    if (t.title) { name.appendChild(document.createElement("br")); text(name, "span", t.name, "file"); }
    tr.appendChild(name);
    var status = document.createElement("td");
    var s = t.status.toLowerCase();
    text(status, "span", s, "status status-" + s);
    status.appendChild(document.createElement("br"));
    var bar = text(status, "progress", "");
    var pct = t.partialsExpected ? Math.floor(100 * t.partialsIn / t.partialsExpected) : 0;
    bar.max = 100; bar.value = pct; bar.textContent = pct + " %";
    bar.setAttribute("aria-label", "progress of " + (t.title || t.name));
    status.appendChild(document.createTextNode(" " + t.partialsIn + "/" + t.partialsExpected));
    tr.appendChild(status);
    text(tr, "td", t.genre || "–");
    var confidence = text(tr, "td", t.confidence == null ? "–" : percent(t.confidence));
    if (t.uncertain) { confidence.appendChild(document.createTextNode(" ")); text(confidence, "span", "uncertain", "uncertain"); }
    if (t.degraded) { confidence.appendChild(document.createTextNode(" ")); text(confidence, "span", "degraded", "degraded"); }
    text(tr, "td", t.energyLevel ? t.energyLevel.toLowerCase() + " (" + t.energyScore.toFixed(2) + ")" : "–");
    text(tr, "td", t.durationSeconds == null ? "–" : clock(t.durationSeconds));
    var uploaded = document.createElement("td");
    var when = text(uploaded, "time", time(t.createdAt));
    when.setAttribute("datetime", t.createdAt);
    tr.appendChild(uploaded);
    return tr;
  }

  function refresh() {
    var request = new XMLHttpRequest();
    request.open("GET", api);
    request.setRequestHeader("Accept", "application/json");
    request.onload = function () {
      if (request.status !== 200) { return; }
      var page = JSON.parse(request.responseText);
      if (page.tracks.length === 0) { return; }
      var rows = document.createDocumentFragment();
      page.tracks.forEach(function (t) { rows.appendChild(row(t)); });
      body.replaceChildren(rows);
      if (total) { total.textContent = String(page.total); }
      table.setAttribute("data-refreshed", new Date().toISOString());
    };
    request.send();
  }

  window.setInterval(refresh, INTERVAL_MS);
})();
