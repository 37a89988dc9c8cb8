/* Filter and sort the goals. The page reads fine without this: the controls stay hidden.
   The choice is kept in the address (#status=missed&sort=ratio), so a filtered view can be
   linked to. */
(function () {
  "use strict";
  var form = document.getElementById("controls");
  var table = document.querySelector("table.goals");
  if (!form || !table) {
    return;
  }
  var rows = Array.prototype.slice.call(table.tBodies);
  var shown = document.getElementById("shown");
  var statusOrder = { met: 0, missed: 1, unreported: 2 };

  function value(name) {
    return form.elements[name].value;
  }

  function compare(by) {
    return function (a, b) {
      var x, y;
      if (by === "status") {
        x = statusOrder[a.dataset.status];
        y = statusOrder[b.dataset.status];
      } else if (by === "ratio") {
        // highest share of the target first; goals without a figure last
        x = a.dataset.ratio === "" ? Infinity : -parseFloat(a.dataset.ratio);
        y = b.dataset.ratio === "" ? Infinity : -parseFloat(b.dataset.ratio);
      } else if (by === "region" || by === "theme") {
        x = a.dataset[by];
        y = b.dataset[by];
        if (x !== y) {
          return x < y ? -1 : 1;
        }
        x = y = 0;
      } else {
        x = y = 0;
      }
      if (x !== y) {
        return x < y ? -1 : 1;
      }
      return parseInt(a.dataset.index, 10) - parseInt(b.dataset.index, 10);
    };
  }

  function apply() {
    var status = value("status");
    var region = value("region");
    var theme = value("theme");
    var count = 0;
    rows.forEach(function (row) {
      var keep =
        (!status || row.dataset.status === status) &&
        (!region || row.dataset.region === region) &&
        (!theme || row.dataset.theme === theme);
      row.hidden = !keep;
      if (keep) {
        count += 1;
      }
    });
    rows
      .slice()
      .sort(compare(value("sort")))
      .forEach(function (row) {
        table.appendChild(row);
      });
    shown.textContent = count + " of " + rows.length + " goals shown";
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    ["status", "region", "theme", "sort"].forEach(function (name) {
      var wanted = params.get(name);
      var select = form.elements[name];
      for (var i = 0; wanted !== null && i < select.options.length; i += 1) {
        if (select.options[i].value === wanted) {
          select.value = wanted;
        }
      }
    });
  }

  function toAddress() {
    var params = new URLSearchParams();
    ["status", "region", "theme", "sort"].forEach(function (name) {
      var chosen = value(name);
      if (chosen && !(name === "sort" && chosen === "index")) {
        params.set(name, chosen);
      }
    });
    var hash = params.toString();
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", hash ? "#" + hash : window.location.pathname);
    }
  }

  form.addEventListener("change", function () {
    apply();
    toAddress();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  fromAddress();
  form.hidden = false;
  apply();
})();
