/*
 * Search in the offline copy. Pagefind cannot run from file:// (browsers refuse its
 * module script and its fetch of the index there), so this classic script searches
 * the titles and summaries the offline build wrote into OFFLINE_PAGES (offline-index.js).
 * Words are compared folded by fold(), the site's rule, which the offline build writes
 * above this text (campaign_kit.fold); a page matches when it
 * holds every word; title matches come first. Nothing is requested.
 */
var pages = window.OFFLINE_PAGES.map(function (page) {
  var text = fold(page.title + " " + page.summary);
  return { page: page, title: fold(page.title), text: text, bare: text.replace(/ /g, "") };
});

function search(query) {
  var words = fold(query).split(" ").filter(Boolean);
  if (!words.length) return [];
  var bare = words.join("");  // "bao hiem yte", "ធានារ៉ាប់រង សុខភាព": the words run together
  var found = pages.filter(function (entry) {
    return words.every(function (word) { return entry.text.indexOf(word) !== -1; }) || entry.bare.indexOf(bare) !== -1;
  });
  found.sort(function (a, b) {
    var inA = words.every(function (w) { return a.title.indexOf(w) !== -1; });
    var inB = words.every(function (w) { return b.title.indexOf(w) !== -1; });
    return (inB ? 1 : 0) - (inA ? 1 : 0);
  });
  return found.map(function (entry) { return entry.page; });
}

function start(form) {
  var input = form.querySelector("input");
  var status = document.querySelector(".campaign-search__status");
  var list = document.querySelector(".campaign-search__results");
  var root = form.getAttribute("data-offline-root");

  function show(query) {
    var found = query.trim() ? search(query) : [];
    list.textContent = "";
    status.textContent = query.trim()
      ? (found.length ? form.getAttribute("data-count").replace("{n}", found.length) : form.getAttribute("data-none"))
      : "";
    found.slice(0, 50).forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + page.path;
      link.textContent = page.title;
      item.appendChild(link);
      if (page.summary) {
        var summary = document.createElement("p");
        summary.textContent = page.summary;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    show(query);
  }
}

document.querySelectorAll("[data-campaign-search]").forEach(start);
