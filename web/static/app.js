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
