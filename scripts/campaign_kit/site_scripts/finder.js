/*
 * "Hỏi ở đâu?" finder: filters the listing of 2024 districts and communes as
 * the reader types. Without this script the page is the full listing.
 * Names are compared folded by fold(), the site's one rule (campaign_kit.fold), which
 * the build writes above this text and with which it wrote data-names.
 * Listens to `input` (not keyup): Android keyboards with composition and
 * pasting do not always send key events. Loads nothing, stores nothing.
 */
function each(list, action) {
  Array.prototype.forEach.call(list, action);
}

function start(root) {
  var box = root.querySelector("[data-finder-box]");
  var input = box.querySelector("input");
  var status = root.querySelector("[data-finder-status]");
  var groups = root.querySelectorAll("[data-finder-group]");
  box.hidden = false;

  function apply() {
    var query = fold(input.value);
    var shown = 0;
    each(groups, function (group) {
      var wholeGroup = query !== "" && group.getAttribute("data-names").indexOf(query) !== -1;
      var any = false;
      each(group.querySelectorAll("li[data-names]"), function (row) {
        var hit = query === "" || wholeGroup || row.getAttribute("data-names").indexOf(query) !== -1;
        row.hidden = !hit;
        if (hit) {
          any = true;
          shown += 1;
        }
      });
      group.hidden = !any;
    });
    if (query === "") {
      status.textContent = "";
    } else if (shown === 0) {
      status.textContent = root.getAttribute("data-no-match");
    } else {
      status.textContent = root.getAttribute("data-matches").replace("{n}", String(shown));
    }
  }

  input.addEventListener("input", apply);
  var match = /[?&]q=([^&]*)/.exec(window.location.search);
  if (match) {
    try {
      input.value = decodeURIComponent(match[1].replace(/\+/g, " "));
    } catch (malformed) {
      input.value = "";
    }
  }
  apply();
}

each(document.querySelectorAll("[data-finder]"), start);
