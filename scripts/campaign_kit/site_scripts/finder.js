/*
 * "Hỏi ở đâu?" finder: filters the listing of 2024 districts and communes as
 * the reader types. Without this script the page is the full listing.
 * Names are compared folded by fold(), the site's one rule (campaign_kit.fold), which
 * the build writes above this text.
 * What people add to a name is left out on both sides before comparing: the kinds of
 * unit and their short forms (TP, TT, P., xã, huyện…) and the province's names, all from
 * the page's data-ignore (written by campaign_kit.pages.units from campaign/ data).
 * A row is shown when, in order, the first that finds anything:
 *   1. the name typed is a name of the row or of its district (from a word's start);
 *   2. every word typed starts a word of the row's or its district's names;
 *   3. the name typed is one or two letters off a name of five letters or more.
 * When nothing is found the whole list stays and the status says what to try.
 * Listens to `input` (not keyup): Android keyboards with composition and
 * pasting do not always send key events. Loads nothing, stores nothing.
 */
function each(list, action) {
  Array.prototype.forEach.call(list, action);
}

/* Letters to change, add or remove to make one text the other (Levenshtein). */
function distance(a, b) {
  var previous = [];
  for (var j = 0; j <= b.length; j++) previous.push(j);
  for (var i = 1; i <= a.length; i++) {
    var current = [i];
    for (j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length];
}

/* How many letters may be wrong in a name this long: none under five. */
function tolerance(name) {
  var letters = name.replace(/ /g, "").length;
  return letters < 5 ? 0 : letters < 8 ? 1 : 2;
}

function start(root) {
  var box = root.querySelector("[data-finder-box]");
  var input = box.querySelector("input");
  var status = root.querySelector("[data-finder-status]");
  var listing = root.querySelector("[data-finder-listing]");  // the whole list's heading
  var ignored = root.getAttribute("data-ignore").split("|").filter(Boolean).map(function (words) {
    return words.replace(/ /g, " +");
  });
  var extra = new RegExp("(^| )(?:" + ignored.join("|") + ")(?= |$)", "g");

  function plain(text) {
    return fold(text).replace(extra, " ").replace(/ +/g, " ").trim();
  }

  function namesOf(element) {
    return element.getAttribute("data-names").split("|").map(plain).filter(Boolean);
  }

  var groups = [];
  each(root.querySelectorAll("[data-finder-group]"), function (group) {
    var rows = [];
    each(group.querySelectorAll("li[data-names]"), function (row) {
      rows.push({ element: row, names: namesOf(row) });
    });
    groups.push({ element: group, names: namesOf(group), rows: rows });
  });
  box.hidden = false;

  function phrase(query, names) {
    return names.some(function (name) { return (" " + name).indexOf(" " + query) !== -1; });
  }

  function words(query, names) {
    var own = names.join(" ").split(" ");
    return query.split(" ").every(function (word) {
      return own.some(function (name) { return name.indexOf(word) === 0; });
    });
  }

  function near(query, names) {
    return names.some(function (name) {
      var allowed = Math.min(tolerance(name), tolerance(query));
      return allowed > 0 && distance(query, name) <= allowed;
    });
  }

  // The rows the first test that finds anything finds. A district's name finds all its rows;
  // words may be spread over a row's names and its district's ("lua vang ben lua").
  function found(query) {
    var tests = [phrase, words, near];
    for (var t = 0; t < tests.length; t++) {
      var hits = [];
      groups.forEach(function (group) {
        var whole = tests[t](query, group.names);
        group.rows.forEach(function (row) {
          var names = tests[t] === words ? row.names.concat(group.names) : row.names;
          if (whole || tests[t](query, names)) hits.push(row.element);
        });
      });
      if (hits.length) return hits;
    }
    return [];
  }

  function show(rows) {
    var shown = rows === null ? null : new Set(rows);
    listing.hidden = rows !== null;
    groups.forEach(function (group) {
      var any = false;
      group.rows.forEach(function (row) {
        var hit = shown === null || shown.has(row.element);
        row.element.hidden = !hit;
        any = any || hit;
      });
      group.element.hidden = !any;
    });
  }

  // The first result just under the box, above a phone's keyboard (the lower half of the screen).
  function bringIntoView(first) {
    var top = first.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.45) box.scrollIntoView({ block: "start" });
  }

  function apply() {
    var query = plain(input.value);
    if (query === "") {
      show(null);
      status.textContent = "";
      return;
    }
    var rows = found(query);
    if (rows.length === 0) {
      show(null);  // the whole list, as the message says
      status.textContent = root.getAttribute("data-no-match").replace("{q}", input.value.trim());
      return;
    }
    show(rows);
    status.textContent = root.getAttribute("data-matches").replace("{n}", String(rows.length));
    bringIntoView(rows[0]);
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
