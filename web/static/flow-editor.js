// The flow editor: Ace (vendored, ace-builds src-min-noconflict) over the form's textarea, which stays
// the field that is submitted and checked. Line numbers, JSON highlighting and folding come from Ace;
// the problems the server's check finds are marked at their line. Tab indents; Esc then Tab (or
// Shift+Tab) leaves the editor, so it never traps the keyboard. Without Ace the plain textarea works.
(function () {
  "use strict";

  var editors = {};

  function problems() {
    var found = [];
    document.querySelectorAll("#flow-check .errors li[data-line]").forEach(function (item) {
      var message = item.querySelector(".message");
      found.push({
        row: parseInt(item.getAttribute("data-line"), 10) - 1,
        column: Math.max(parseInt(item.getAttribute("data-column") || "1", 10) - 1, 0),
        text: (item.querySelector("code") ? item.querySelector("code").textContent + ": " : "") +
          (message ? message.textContent : item.textContent),
        type: "error"
      });
    });
    return found;
  }

  function markProblems(editor) {
    var session = editor.session;
    (editor.problemMarkers || []).forEach(function (id) { session.removeMarker(id); });
    var found = problems();
    session.setAnnotations(found);
    var Range = ace.require("ace/range").Range;
    editor.problemMarkers = found.map(function (problem) {
      return session.addMarker(new Range(problem.row, 0, problem.row, Infinity), "problem-line", "fullLine");
    });
    editor.container.setAttribute("data-problem-lines", found.map(function (p) { return p.row + 1; }).join(" "));
  }

  // Esc, then Tab or Shift+Tab: the key goes to the browser (focus moves on) instead of indenting.
  function keepTabForLeaving(holder) {
    var leaving = false;
    holder.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { leaving = true; return; }
      if (event.key === "Tab" && leaving) { leaving = false; event.stopPropagation(); return; }
      if (event.key !== "Shift") leaving = false;
    }, true);
  }

  function start(area) {
    if (!window.ace || editors[area.id]) return;
    var holder = document.createElement("div");
    holder.className = "code-editor";
    holder.id = area.id + "-editor";
    holder.setAttribute("role", "region");
    holder.setAttribute("aria-label", "Flow definition editor");
    area.parentNode.insertBefore(holder, area);
    area.hidden = true; // still the form's field: hidden controls are submitted
    var label = document.getElementById(area.id + "-label");
    var editor = ace.edit(holder, {
      mode: "ace/mode/json",
      value: area.value,
      useWorker: false, // the server checks the flow; the CSP allows no blob workers
      tabSize: 2,
      useSoftTabs: true,
      showPrintMargin: false,
      showFoldWidgets: true,
      readOnly: area.readOnly,
      minLines: 20,
      maxLines: 48,
      fontSize: "13px",
      textInputAriaLabel: label ? label.textContent.replace(/\s*·.*$/, "").trim() : "Definition (JSON)"
    });
    editor.clearSelection();
    var input = editor.textInput.getElement();
    input.setAttribute("aria-describedby", area.getAttribute("aria-describedby") || "");
    if (label) label.addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      editor.focus();
    });
    keepTabForLeaving(holder);
    editor.session.on("change", function () {
      area.value = editor.getValue();
      if (window.htmx && !area.readOnly) htmx.trigger(area, "flow-edit");
    });
    editors[area.id] = editor;
    markProblems(editor);
  }

  function startAll() {
    document.querySelectorAll("textarea[data-editor=json]").forEach(start);
  }

  // What the check said last (#flow-check's data-summary): said again only when it changes, so a
  // screen reader hears "3 problems" or "Valid · 1 stage, 2 tasks" once, not after every keystroke.
  var announced = null;

  function announceCheck() {
    var check = document.getElementById("flow-check");
    var status = document.getElementById("flow-check-status");
    if (!check || !status) return;
    var summary = check.getAttribute("data-summary") || "";
    if (announced !== null && summary !== announced) status.textContent = summary;
    announced = summary;
  }

  // The check's answer replaced #flow-check (outerHTML): mark its problems, announce a new result.
  document.addEventListener("htmx:afterSettle", function () {
    Object.keys(editors).forEach(function (id) { markProblems(editors[id]); });
    announceCheck();
  });

  // A problem's line in the list moves the cursor there.
  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest("#flow-check .errors li[data-line]");
    var editor = editors.source;
    if (!item || !editor) return;
    editor.gotoLine(parseInt(item.getAttribute("data-line"), 10), 0, true);
    editor.focus();
  });

  function ready() {
    announceCheck(); // the page's own check is shown, not announced
    startAll();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
