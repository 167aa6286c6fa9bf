// Small behaviours that htmx attributes do not cover; no inline scripts (the CSP forbids them).
(function () {
  "use strict";

  // "Select all" in a table header checks every row of the page.
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains("select-all")) return;
    var table = box.closest("table");
    table.querySelectorAll("tbody input[name=id]").forEach(function (row) { row.checked = box.checked; });
  });

  // Copy buttons: <button data-copy="#element-id">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) return;
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var label = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });

  // Keep the checked rows checked when a live update replaces them.
  var checked = {};
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    var box = target && target.querySelector && target.querySelector("input[name=id]");
    if (box) checked[box.value] = box.checked;
  });
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    var target = event.detail.target;
    var row = target && target.id ? document.getElementById(target.id) : null;
    var box = row && row.querySelector("input[name=id]");
    if (box && checked[box.value]) box.checked = true;
  });

  // After the live stream was cut off (the event bus was down), re-read the table as the page shows it:
  // the address holds its filters, sort and page.
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "live-resync") return;
    var into = document.querySelector(target.getAttribute("data-refresh") || "#table");
    if (into) htmx.ajax("GET", location.href, { target: into, swap: "innerHTML" });
  });

  // Ticked rows are kept per table in the tab's sessionStorage, so paging, sorting, filtering and
  // live updates keep them; "Export selected" sends every one of them. Nothing ticked says so.
  var NOTHING_TICKED = "Nothing is selected: tick rows (on any page), or use Export all matching.";
  var DIRECT_ROWS = 1000; // more ticked rows than this are exported in the background
  function tickedTable() {
    var grid = document.querySelector("table.grid[data-table]");
    return grid ? grid.getAttribute("data-table") : null;
  }
  function readTicks(name) {
    try { return JSON.parse(sessionStorage.getItem("fabflow:ticked:" + name) || "[]"); } catch (e) { return []; }
  }
  function writeTicks(name, ids) {
    try { sessionStorage.setItem("fabflow:ticked:" + name, JSON.stringify(ids)); } catch (e) { /* full or off */ }
    showTicks(ids);
  }
  function showTicks(ids) {
    var note = document.getElementById("ticked");
    var clear = document.getElementById("clear-ticks");
    if (note) note.textContent = ids.length ? ids.length + " selected" : "";
    if (clear) clear.hidden = !ids.length;
  }
  function restoreTicks() {
    var name = tickedTable();
    if (!name) return;
    var ids = readTicks(name);
    var kept = {};
    ids.forEach(function (id) { kept[id] = true; });
    document.querySelectorAll("table.grid tbody input[name=id]").forEach(function (box) { box.checked = !!kept[box.value]; });
    showTicks(ids);
  }
  document.addEventListener("DOMContentLoaded", restoreTicks);
  document.addEventListener("htmx:afterSettle", restoreTicks);
  document.addEventListener("change", function (event) {
    var box = event.target;
    var name = tickedTable();
    if (!name || !box.closest || !box.closest("table.grid")) return;
    if (box.name !== "id" && !box.classList.contains("select-all")) return;
    var ids = readTicks(name);
    box.closest("table.grid").querySelectorAll("tbody input[name=id]").forEach(function (row) {
      var at = ids.indexOf(row.value);
      if (row.checked && at < 0) ids.push(row.value);
      if (!row.checked && at >= 0) ids.splice(at, 1);
    });
    writeTicks(name, ids);
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("#clear-ticks")) return;
    var name = tickedTable();
    if (!name) return;
    writeTicks(name, []);
    restoreTicks();
  });
  function exportMessage(text) {
    var status = document.getElementById("export-status");
    if (!status) return;
    var card = document.createElement("div");
    card.id = "export-status";
    card.className = "card";
    card.setAttribute("role", "status");
    var line = document.createElement("p");
    line.className = "error";
    line.setAttribute("role", "alert");
    line.textContent = text;
    card.appendChild(line);
    status.replaceWith(card);
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var name = tickedTable();
    // getAttribute: the form holds inputs named "id", which hide its `id` property.
    if (!form.getAttribute || form.getAttribute("id") !== "selection" || !name) return;
    form.querySelectorAll("input.kept-tick").forEach(function (input) { input.remove(); });
    var ids = readTicks(name);
    var onPage = {};
    form.querySelectorAll("tbody input[name=id]").forEach(function (box) { if (box.checked) onPage[box.value] = true; });
    ids.forEach(function (id) {
      if (onPage[id]) return;
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "id";
      input.value = id;
      input.className = "kept-tick";
      form.appendChild(input);
    });
    if (!ids.length) {
      event.preventDefault();
      exportMessage(NOTHING_TICKED);
      return;
    }
    var format = document.getElementById("export-format");
    var button = document.getElementById("export");
    if ((format && format.value === "zip-files") || ids.length > DIRECT_ROWS) {
      event.preventDefault();
      htmx.ajax("POST", button.getAttribute("data-jobs"), {
        source: form, target: "#export-status", swap: "outerHTML", values: { scope: "selected" }
      });
    }
  });

  // Tab inserts two spaces in the flow editor instead of leaving it.
  document.addEventListener("keydown", function (event) {
    var area = event.target;
    if (event.key !== "Tab" || !area.classList || !area.classList.contains("code") || event.shiftKey) return;
    event.preventDefault();
    var start = area.selectionStart;
    area.setRangeText("  ", start, area.selectionEnd, "end");
  });
})();
