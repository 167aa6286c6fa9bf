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

  // Tab inserts two spaces in the flow editor instead of leaving it.
  document.addEventListener("keydown", function (event) {
    var area = event.target;
    if (event.key !== "Tab" || !area.classList || !area.classList.contains("code") || event.shiftKey) return;
    event.preventDefault();
    var start = area.selectionStart;
    area.setRangeText("  ", start, area.selectionEnd, "end");
  });
})();
