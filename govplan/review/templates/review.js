(function () {
  "use strict";
  var text = document.getElementById("text");
  var tree = document.getElementById("tree");
  var shown = [];

  // Keys are govplan's own (m12, m12n for a task's number): safe inside a selector.
  function fragments(key) {
    return Array.prototype.slice.call(text.querySelectorAll('[data-m="' + key + '"]'));
  }

  function show(key) {
    shown.forEach(function (el) { el.classList.remove("current", "flash"); });
    shown = fragments(key);
    if (!shown.length) { return; }
    shown[0].scrollIntoView({ block: "center" });
    shown.forEach(function (el) { void el.offsetWidth; el.classList.add("current", "flash"); });
    document.body.setAttribute("data-shown", key);
  }

  function select(entry) {
    var old = tree.querySelector(".selected");
    if (old) { old.classList.remove("selected"); }
    entry.classList.add("selected");
  }

  function openTo(entry) {
    for (var li = entry.closest("li"); li; li = li.parentElement.closest("li")) { li.classList.add("open"); }
  }

  tree.addEventListener("click", function (event) {
    var tool = event.target.closest("[data-tool]");
    if (tool) { document.body.classList.toggle("all-open"); return; }
    var entry = event.target.closest("button.task, .fact");
    if (!entry) { return; }
    if (entry.classList.contains("task")) {
      var li = entry.parentElement;
      if (entry.classList.contains("selected")) { li.classList.toggle("open"); } else { li.classList.add("open"); }
    }
    select(entry);
    if (entry.dataset.target) { show(entry.dataset.target); }
  });

  text.addEventListener("click", function (event) {
    var mark = event.target.closest("[data-m]");
    if (!mark) { return; }
    var key = mark.getAttribute("data-m").replace(/n$/, "");
    var entry = tree.querySelector('[data-target="' + key + '"]');
    if (!entry) { return; }
    openTo(entry);
    select(entry);
    entry.scrollIntoView({ block: "center" });
    show(key);
  });

  document.querySelector(".legend").addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.dataset.kind) {
      button.classList.toggle("off", document.body.classList.toggle("hide-" + button.dataset.kind));
    } else {
      button.classList.toggle("on", document.body.classList.toggle("only-review"));
    }
  });
})();
