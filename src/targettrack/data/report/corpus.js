/* The goals' table, a page at a time: the rows are data, and only the shown page is made
   into elements, so the page opens as fast with thousands of goals as with ten. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("goal-data").textContent);
  var form = document.getElementById("filters");
  var body = document.getElementById("rows");
  var key = {};
  data.keys.forEach(function (name, index) { key[name] = index; });
  var PAGE = 100;
  var page = 0;
  var shown = data.rows;
  var columns = ["government", "year", "indicator_zh", "status", "target", "achieved", "period", "goal_id", "reason"];

  function matches(row) {
    var government = form.elements.government.value;
    var year = form.elements.year.value;
    var status = form.elements.status.value;
    var text = form.elements.text.value.trim().toLowerCase();
    if (government && row[key.government] !== government) { return false; }
    if (year && String(row[key.year]) !== year) { return false; }
    if (status && row[key.status] !== status) { return false; }
    if (text) {
      var all = [row[key.indicator_zh], row[key.goal_id], row[key.reason], row[key.target]].join(" ").toLowerCase();
      if (all.indexOf(text) < 0) { return false; }
    }
    return true;
  }

  function draw() {
    var last = Math.max(0, Math.ceil(shown.length / PAGE) - 1);
    page = Math.min(Math.max(page, 0), last);
    var fragment = document.createDocumentFragment();
    shown.slice(page * PAGE, (page + 1) * PAGE).forEach(function (row) {
      var tr = document.createElement("tr");
      columns.forEach(function (name) {
        var td = document.createElement("td");
        var value = row[key[name]];
        if (name === "indicator_zh" && row[key.figure] !== "level") { value += " (" + row[key.figure] + ")"; }
        td.textContent = value === null ? "" : String(value);
        if (name === "status") { td.className = "status-" + value; }
        tr.appendChild(td);
      });
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    document.getElementById("count").textContent = shown.length + " of " + data.rows.length + " goals";
    document.getElementById("page").textContent = "page " + (page + 1) + " of " + (last + 1);
  }

  function filter() {
    shown = data.rows.filter(matches);
    page = 0;
    draw();
  }

  // a filter in the address (#government=江苏&status=missed) is applied, and kept there
  function fromAddress() {
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var parts = pair.split("=");
      var field = form.elements[decodeURIComponent(parts[0] || "")];
      if (field && parts.length === 2) { field.value = decodeURIComponent(parts[1]); }
    });
  }

  function toAddress() {
    var pairs = ["government", "year", "status", "text"].filter(function (name) {
      return form.elements[name].value;
    }).map(function (name) {
      return name + "=" + encodeURIComponent(form.elements[name].value);
    });
    history.replaceState(null, "", pairs.length ? "#" + pairs.join("&") : location.pathname);
  }

  form.hidden = false;
  fromAddress();
  form.addEventListener("input", function () { filter(); toAddress(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.getElementById("previous").addEventListener("click", function () { page -= 1; draw(); });
  document.getElementById("next").addEventListener("click", function () { page += 1; draw(); });
  filter();
}());
