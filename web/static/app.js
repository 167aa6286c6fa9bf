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

  // A table thumbnail that cannot be loaded becomes the empty box rows without a preview show.
  document.addEventListener("error", function (event) {
    var image = event.target;
    if (!image.matches || !image.matches("img.thumb-small")) return;
    var box = document.createElement("span");
    box.className = "thumb-small";
    box.setAttribute("aria-hidden", "true");
    image.replaceWith(box);
  }, true);

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

  // In the plain flow textarea (when the editor did not load) Tab inserts two spaces, unless Esc came
  // just before: then Tab leaves it, as the hint under the label says.
  var leaving = false;
  document.addEventListener("keydown", function (event) {
    var area = event.target;
    if (!area.classList || !area.classList.contains("code") || area.readOnly) return;
    if (event.key === "Escape") { leaving = true; return; }
    if (event.key !== "Tab" || event.shiftKey || leaving) { if (event.key !== "Shift") leaving = false; return; }
    event.preventDefault();
    var start = area.selectionStart;
    area.setRangeText("  ", start, area.selectionEnd, "end");
  });

  // ---- Focus across htmx swaps ----------------------------------------------------------------
  // When a swap replaces the element that has the focus (sorting a column, Complete/Reject, a live
  // update of the focused row), the focus goes to the same control in the new content, or to the
  // new content itself, never to the page's body.
  var remembered = null;

  function describe(element) {
    var anchor = element.parentElement && element.parentElement.closest("[id]");
    var header = element.closest("th");
    return {
      id: element.id,
      anchor: anchor ? anchor.id : "",
      tag: element.tagName,
      name: element.getAttribute("name") || "",
      value: element.tagName === "INPUT" ? element.value : "",
      header: header ? header.className.split(/\s+/)[0] : "",
      text: (element.textContent || "").trim()
    };
  }

  function remember(replaced) {
    var active = document.activeElement;
    if (!active || active === document.body || !replaced || !replaced.contains || !replaced.contains(active)) return;
    remembered = { what: describe(active), fallback: replaced.id || "" };
  }

  function matches(candidate, what) {
    if (what.header) return !!candidate.closest("th." + CSS.escape(what.header));
    if (what.name || what.value) {
      return candidate.getAttribute("name") === (what.name || null) && (!what.value || candidate.value === what.value);
    }
    return (candidate.textContent || "").trim() === what.text;
  }

  function found(what, fallback) {
    if (what.id && document.getElementById(what.id)) return document.getElementById(what.id);
    var scope = (what.anchor && document.getElementById(what.anchor)) || (fallback && document.getElementById(fallback));
    if (!scope) return null;
    var same = Array.prototype.filter.call(scope.getElementsByTagName(what.tag), function (c) { return matches(c, what); });
    return same[0] || scope;
  }

  function restore() {
    if (!remembered) return;
    var active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) { remembered = null; return; }
    var target = found(remembered.what, remembered.fallback);
    remembered = null;
    if (!target) return;
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: false });
  }

  document.addEventListener("htmx:beforeSwap", function (event) { remember(event.detail.target); });
  document.addEventListener("htmx:oobBeforeSwap", function (event) { remember(event.detail.target); });
  document.addEventListener("htmx:afterSettle", restore);
  document.addEventListener("htmx:oobAfterSwap", function () { setTimeout(restore, 0); });

  // ---- Status changes, announced politely ----------------------------------------------------
  // A live update that changes a row's or an order's status says so in the page's polite status
  // region (#announcer), e.g. "ORD-0042: Success".
  var before = {};

  // The order status an element shows: the order page's badge, or a table row's status cell.
  function statusOf(element) {
    if (element.id === "order-status") return element.textContent.trim();
    if (element.tagName !== "TR") return "";
    var badge = element.querySelector("td.col-status .badge");
    return badge ? badge.textContent.trim() : "";
  }

  function nameOf(element) {
    if (element.id === "order-status") {
      var heading = document.querySelector("main h1");
      return heading ? heading.textContent.trim() : "The order";
    }
    var link = element.querySelector && element.querySelector("td a");
    return link ? link.textContent.trim() : "";
  }

  function announce(text) {
    var region = document.getElementById("announcer");
    if (!region || !text) return;
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  }

  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.id) before[target.id] = statusOf(target);
  });
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.id) return;
    var now = document.getElementById(target.id);
    var was = before[target.id];
    delete before[target.id];
    var status = now ? statusOf(now) : "";
    if (now && status && was && status !== was) announce(nameOf(now) + ": " + status);
  });
})();
