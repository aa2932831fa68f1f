// Filters and search for the findings table: plain script, no library, nothing fetched.
(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var text = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var search = document.getElementById("f-search");
  var severity = document.getElementById("f-severity");
  var property = document.getElementById("f-property");
  var system = document.getElementById("f-system");
  var layer = document.getElementById("f-layer");
  var status = document.getElementById("f-status");
  var count = document.getElementById("f-count");

  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var minSeverity = parseInt(severity.value, 10);
    var shown = 0;
    rows.forEach(function (row, i) {
      var d = row.dataset;
      var visible = parseInt(d.severity, 10) >= minSeverity
        && (property.value === "" || d.properties.indexOf(property.value) >= 0)
        && (system.value === "" || d.system === system.value)
        && (layer.value === "" || d.layer === layer.value)
        && (status.value === "" || d.status === status.value)
        && words.every(function (w) { return text[i].indexOf(w) >= 0; });
      row.classList.toggle("hidden", !visible);
      if (visible) { shown++; }
    });
    count.textContent = shown + " of " + rows.length + " findings";
  }

  [search, severity, property, system, layer, status].forEach(function (control) {
    control.addEventListener(control === search ? "input" : "change", apply);
  });
  apply();
}());
