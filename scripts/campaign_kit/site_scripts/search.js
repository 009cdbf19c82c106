// The search page: queries the site's Pagefind index, loaded only once the reader searches.
// fold(), the site's fold rule, is written above this text by campaign_kit.site_scripts.
// Pagefind folds tone marks (an exact match ranks first) and loads the index in small chunks.
const form = document.querySelector("[data-campaign-search]");

if (form) {
  const input = form.querySelector("input[name=q]");
  const status = document.querySelector(".campaign-search__status");
  const list = document.querySelector(".campaign-search__results");
  const language = document.documentElement.lang;
  let engine = null;
  let latest = 0;

  const load = async () => {
    if (!engine) {
      // In the page's own thread: a worker would cost one more script (40 KB) for an index this size.
      engine = import(form.dataset.bundle + "pagefind.js").then(async (module) => {
        await module.options({ basePath: form.dataset.bundle, baseUrl: form.dataset.base, noWorker: true });
        await module.init();
        return module;
      });
    }
    return engine;
  };

  // The language's search data (campaign_kit.search_index, data-pages), one request: its pages'
  // titles by Pagefind's page id, and for a language written without spaces the words of the index.
  let data = null;
  const pagesData = () => {
    // Without it (a failed request), results wait for their fragments; Khmer for the browser's segmenter.
    data ||= fetch(form.dataset.pages)
      .then((response) => response.json())
      .catch(() => ({ titles: {} }));
    return data;
  };

  // A language written without spaces (Khmer): the build put a space between the words of
  // the indexed text, so the query is split into the same words, the longest known word
  // first (the build's own word list); what no known word covers is left to the browser's segmenter.
  let dictionary = null;
  const words = async () => {
    if (!dictionary) {
      const list = (await pagesData()).words || [];
      dictionary = { known: new Set(list), longest: Math.max(1, ...list.map((word) => word.length)) };
    }
    return dictionary;
  };
  const segmenter = "Segmenter" in Intl ? new Intl.Segmenter(language, { granularity: "word" }) : null;
  const split = (run, { known, longest }) => {
    const parts = [];
    let unknown = "";
    for (let start = 0; start < run.length; ) {
      let end = Math.min(run.length, start + longest);
      while (end > start + 1 && !known.has(run.slice(start, end))) end -= 1;
      if (known.has(run.slice(start, end))) {
        if (unknown) parts.push(...browserWords(unknown));
        unknown = "";
        parts.push(run.slice(start, end));
      } else {
        unknown += run[start];
      }
      start = end;
    }
    if (unknown) parts.push(...browserWords(unknown));
    return parts;
  };
  const browserWords = (text) =>
    segmenter ? [...segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment) : [text];

  // NFC: Unikey's composite input arrives decomposed.
  const prepare = async (text) => {
    const query = text.normalize("NFC").replace(/\u200b/g, " ").trim();
    if (!query) return query;
    const dictionary = await words();
    if (!dictionary.known.size) return query;
    return query
      .split(/\s+/)
      .flatMap((run) => split(run, dictionary))
      .join(" ");
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

  // Everyday words and the campaign's terms (campaign/glossary.yml, data-synonyms): a query that
  // holds a phrase of a group is searched with each other phrase of it too ("xuất khẩu lao động":
  // "đi làm việc ở nước ngoài theo hợp đồng"), at most MAX_SYNONYMS more searches.
  const MAX_SYNONYMS = 2;
  const groups = JSON.parse(form.dataset.synonyms || "[]");
  const bare = (text) => fold(text).replace(/ /g, "");
  const synonyms = (text) => {
    const typed = fold(text);
    const others = [];
    for (const group of groups) {
      const hit = group.find((phrase) => bare(typed).includes(bare(phrase)));
      if (hit === undefined) continue;
      for (const other of group) {
        if (other !== hit) others.push(typed.includes(fold(hit)) ? typed.replace(fold(hit), other) : other);
      }
    }
    return others.slice(0, MAX_SYNONYMS);
  };

  const find = async (pagefind, queries) => {
    const best = new Map();
    const variants = queries.flatMap(spellings);
    for (const found of await Promise.all(variants.map((variant) => pagefind.search(variant)))) {
      for (const result of found.results) {
        const known = best.get(result.id);
        if (!known || known.score < result.score) best.set(result.id, result);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  };

  // Pagefind ranks by words, not phrases. Among its first RERANKED results, a page whose
  // title holds every word of the query (the more of the title they make, the better), or
  // the words as a phrase, comes first; with tone marks typed, a match with the same marks
  // (đường, not dương) counts more. The titles come from the search data, so ranking costs no
  // request; a page's fragment (its excerpt, one request each) is loaded only for the first
  // EXCERPTS results once the keys pause, the others' as the reader scrolls to them: a search
  // session keeps within 20 requests on a slow phone (campaign_kit.search_budget).
  const RERANKED = 24;
  const SHOWN = 10;
  const EXCERPTS = 3; // what a phone's first screen shows under the field
  const SETTLE_MS = 500; // no key for this long: the reader has typed the query
  const rank = (query, pages) => {
    const plain = fold(query);
    const words = plain.split(" ");
    const exact = query.toLowerCase() !== plain ? query.toLowerCase() : null;
    const titleWords = (page) => fold(page.title || "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    // The title says just what the reader typed: that page is the answer.
    const isTitle = (page) => {
      const own = titleWords(page);
      return own.length === words.length && words.every((word) => own.includes(word));
    };
    const boost = (page) => {
      const title = page.title || "";
      const own = titleWords(page);
      let factor = 1;
      if (own.length && words.every((word) => own.includes(word))) factor += 1 + (2 * words.length) / own.length;
      if (words.length > 1 && fold(title).includes(plain)) factor += 2;
      if (words.length > 1 && fold(page.content || "").includes(plain)) factor += 0.5;
      if (exact && (title.toLowerCase().includes(exact) || (page.content || "").toLowerCase().includes(exact))) factor += 1;
      return factor;
    };
    return pages
      .map((page, index) => ({ page, tier: isTitle(page) ? 1 : 0, score: page.score * boost(page), index }))
      .sort((a, b) => b.tier - a.tier || b.score - a.score || a.index - b.index)
      .map(({ page }) => page);
  };

  // A result as ranked and shown: from the search data's titles ([URL, title, title as written]),
  // completed by its fragment once loaded (a page of a growing section has only its fragment).
  const candidate = (result, titles) => {
    const [url, title, written] = titles[result.id] || [];
    return { result, score: result.score, url: url && (form.dataset.base + url).replace(/\/+/g, "/"), title, written };
  };
  const complete = async (page) => {
    if (page.excerpt === undefined) {
      const data = await page.result.data();
      Object.assign(page, {
        url: data.url,
        title: data.meta.title,
        written: data.meta.written, // as the page writes it (campaign_kit.search_index)
        content: data.content,
        excerpt: data.excerpt, // Pagefind's excerpt: the page's escaped text, matches in <mark>
      });
    }
    return page;
  };

  const render = (page) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = page.url;
    link.textContent = page.written || page.title;
    item.append(link);
    if (page.excerpt !== undefined) {
      const excerpt = document.createElement("p");
      excerpt.innerHTML = page.excerpt;
      item.append(excerpt);
    }
    return item;
  };

  let more = null; // loads the excerpts of the results shown beyond the first screen
  const show = (ticket, pages, count) => {
    if (ticket !== latest) return; // a newer query is on its way
    const said = count ? form.dataset.count.replace("{n}", count) : form.dataset.none;
    if (status.textContent !== said) status.textContent = said; // announced once
    list.replaceChildren(...pages.filter((page) => page.url).map(render));
    status.dataset.query = input.value; // what these results answer (the tests wait for it)
  };

  const search = async () => {
    const ticket = ++latest;
    more = null;
    const query = await prepare(input.value);
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      status.dataset.query = input.value;
      return;
    }
    const [pagefind, { titles }] = await Promise.all([load(), pagesData()]);
    const others = await Promise.all(synonyms(input.value).map(prepare));
    if (ticket !== latest) return; // the reader typed on: only the newest query is searched
    const results = await find(pagefind, [query, ...others]);
    let pages = rank(query, results.slice(0, RERANKED).map((result) => candidate(result, titles))).slice(0, SHOWN);
    show(ticket, pages, results.length);
    // While the reader is still typing, no fragment is loaded.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    if (ticket !== latest) return;
    pages = await Promise.all(pages.map((page, index) => (index < EXCERPTS || !page.url ? complete(page) : page)));
    pages = rank(query, pages);
    show(ticket, pages, results.length);
    if (pages.some((page) => page.excerpt === undefined)) {
      more = async () => {
        more = null;
        show(ticket, await Promise.all(pages.map(complete)), results.length);
      };
    }
  };
  window.addEventListener("scroll", () => more && more(), { passive: true });

  // The reader is about to search: the engine, its index's entry and the search data load meanwhile.
  input.addEventListener("focus", () => {
    load();
    pagesData();
  }, { once: true });
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
