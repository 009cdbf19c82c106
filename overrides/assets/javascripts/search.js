// The search page: queries the site's Pagefind index, loaded only once the reader searches.
// Pagefind folds tone marks (an exact match ranks first) and loads the index in small chunks.
const form = document.querySelector("[data-campaign-search]");

if (form) {
  const input = form.querySelector("input[name=q]");
  const status = document.querySelector(".campaign-search__status");
  const list = document.querySelector(".campaign-search__results");
  const language = document.documentElement.lang;
  const segmenter = "Segmenter" in Intl ? new Intl.Segmenter(language, { granularity: "word" }) : null;
  let engine = null;
  let latest = 0;

  const load = async () => {
    if (!engine) {
      engine = await import(form.dataset.bundle + "pagefind.js");
      await engine.options({ basePath: form.dataset.bundle, baseUrl: form.dataset.base });
      await engine.init();
    }
    return engine;
  };

  // NFC: Unikey's composite input arrives decomposed. Khmer is written without spaces:
  // split the query into words as the build split the pages (both use ICU's dictionary).
  const prepare = (text) => {
    const query = text.normalize("NFC").trim();
    if (!query || language !== "km" || !segmenter) return query;
    return [...segmenter.segment(query)].filter((part) => part.isWordLike).map((part) => part.segment).join(" ");
  };

  // Pagefind folds tone marks but not đ, a letter of its own: a reader who types "d" at
  // the start of a syllable may mean "đ" ("tien dien" for "tiền điện"). Each such word is
  // searched both ways (at most MAX_D_WORDS of them) and every page keeps its best score.
  const MAX_D_WORDS = 3;
  const spellings = (query) => {
    let variants = [query];
    const words = query.split(/\s+/);
    words
      .map((word, index) => (/^d/i.test(word) ? index : -1))
      .filter((index) => index >= 0)
      .slice(0, MAX_D_WORDS)
      .forEach((index) => {
        variants = variants.flatMap((variant) => {
          const parts = variant.split(/\s+/);
          parts[index] = parts[index].replace(/^d/, "đ").replace(/^D/, "Đ");
          return [variant, parts.join(" ")];
        });
      });
    return variants;
  };

  const find = async (pagefind, query) => {
    const best = new Map();
    for (const found of await Promise.all(spellings(query).map((variant) => pagefind.search(variant)))) {
      for (const result of found.results) {
        const known = best.get(result.id);
        if (!known || known.score < result.score) best.set(result.id, result);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  };

  const render = (page) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = page.url;
    link.textContent = page.meta.title;
    const excerpt = document.createElement("p");
    excerpt.innerHTML = page.excerpt; // Pagefind's excerpt: the page's escaped text, matches in <mark>
    item.append(link, excerpt);
    return item;
  };

  const search = async () => {
    const ticket = ++latest;
    const query = prepare(input.value);
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const pagefind = await load();
    const results = await find(pagefind, query);
    const pages = await Promise.all(results.slice(0, 10).map((result) => result.data()));
    if (ticket !== latest) return; // a newer query is on its way
    status.textContent = pages.length ? form.dataset.count.replace("{n}", results.length) : form.dataset.none;
    list.replaceChildren(...pages.map(render));
  };

  // "input" covers typing, pasting and dictation; compositionend, keyboards that compose.
  for (const event of ["input", "compositionend", "change"]) input.addEventListener(event, search);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  const asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    search();
  }
}
