/* News archive search: Pagefind (https://pagefind.app), index built by generator/site/search.py.
 *
 * Nothing is fetched until a reader focuses a search box: then Pagefind's loader, then only the
 * index chunks of the words typed. Two views share this file:
 * - the header box (partials/archive-search.html), on every page: the first results as you type,
 *   arrows to move, Enter to open (or, with nothing selected, the search page);
 * - the search page (archive/search.html): every result, filters with counts, sort by date.
 * Keyboard: `s` or `/` focuses search from anywhere. Results are built with textContent; only
 * Pagefind's excerpt (page text it escaped, with <mark>) is inserted as HTML.
 *
 * Typing searches once the reader pauses (PAUSE_MS), and not before two letters of a Latin-script
 * query. Pagefind's own debouncedSearch preloads the index chunks of every prefix typed on the way
 * ("a", "ak", "aki"...), and a one-letter prefix spans many chunks: at 10,000 articles, typing one
 * name fetched six chunks (173 KB) where the name alone needs two.
 */
(() => {
  "use strict";
  const script = document.currentScript;
  const root = new URL(script.dataset.root.replace(/\/?$/, "/"), location.href);
  const HEADER_RESULTS = 5;
  const PAGE_SIZE = 10;
  const FACET_SHOWN = 8;
  const PAUSE_MS = 200;
  let pagefind = null;

  function afterPause(fn) {
    let timer = 0;
    return () => { clearTimeout(timer); timer = setTimeout(fn, PAUSE_MS); };
  }

  /* One Latin letter matches the start of too many words to be a search; one CJK character is a word. */
  function tooShort(query) {
    return query.length < 2 && /^[\u0000-\u024f]*$/.test(query);
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async (pf) => {
        /* noWorker: no 40 KB worker script to fetch first; a query's few chunks search in ms here. */
        await pf.options({ baseUrl: root.pathname, excerptLength: 24, noWorker: true });
        await pf.init();
        return pf;
      });
    }
    return pagefind;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resultItem(data, classes) {
    const li = el("li", classes.item);
    const a = el("a", classes.link);
    a.href = data.url;
    const article = el("article", classes.article);
    article.append(el(classes.heading, "na-result__title", data.meta.title || data.url));
    const meta = [data.meta.date, data.meta.dateline, data.meta.source].filter(Boolean).join(" · ");
    if (meta) article.append(el("p", "na-result__meta", meta));
    const excerpt = el("p", "na-result__excerpt");
    excerpt.innerHTML = data.excerpt; // Pagefind escapes page text; only <mark> is markup
    article.append(excerpt);
    a.append(article);
    li.append(a);
    return li;
  }

  function plural(n, word) {
    return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
  }

  /* -- the header box ------------------------------------------------------------------- */
  function header() {
    const input = document.querySelector(".na-search__input");
    if (!input) return null;
    const toggle = document.getElementById("__search");
    const list = document.getElementById("na-search-results");
    const status = document.querySelector(".na-search__status");
    const searchPage = new URL("search/", root);
    let active = -1;
    let serial = 0;

    function open() {
      if (toggle) toggle.checked = true;
      input.focus();
      load();
    }
    function select(index) {
      const items = [...list.children];
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
      items[active].scrollIntoView({ block: "nearest" });
    }
    async function run() {
      const query = input.value.trim();
      const mine = ++serial;
      active = -1;
      if (!query) { list.replaceChildren(); status.textContent = "Type to search the articles"; return; }
      if (tooShort(query)) { list.replaceChildren(); status.textContent = "Keep typing…"; return; }
      const pf = await load();
      const search = await pf.search(query);
      if (mine !== serial) return;
      const datas = await Promise.all(search.results.slice(0, HEADER_RESULTS).map((r) => r.data()));
      if (mine !== serial) return;
      list.replaceChildren(...datas.map((d) => resultItem(d, {
        item: "md-search-result__item", link: "md-search-result__link",
        article: "md-search-result__article md-typeset", heading: "h1" })));
      [...list.children].forEach((li) => li.setAttribute("role", "option"));
      const more = new URL(searchPage);
      more.searchParams.set("q", query);
      status.replaceChildren(plural(search.results.length, "matching article"));
      if (search.results.length) {
        const link = el("a", "na-search__all", "Filter and sort all results →");
        link.href = more.href;
        status.append(" · ", link);
      }
    }
    input.addEventListener("focus", () => { if (toggle) toggle.checked = true; load(); });
    input.addEventListener("input", afterPause(run));
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") { event.preventDefault(); select(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(active - 1); }
      else if (event.key === "Escape") { if (toggle) toggle.checked = false; input.blur(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        location.href = list.children[active].querySelector("a").href;
      }
    });
    return { open };
  }

  /* -- the search page ------------------------------------------------------------------- */
  function page() {
    const box = document.querySelector("[data-na-search-page]");
    if (!box) return null;
    const form = box.querySelector("form");
    const input = box.querySelector(".na-search-page__input");
    const sort = box.querySelector(".na-search-page__sort");
    const status = box.querySelector(".na-search-page__status");
    const results = box.querySelector(".na-results");
    const more = box.querySelector(".na-more");
    const facets = [...box.querySelectorAll("[data-facet]")];
    const chosen = new Map(facets.map((f) => [f.dataset.facet, new Set()]));
    const expanded = new Set();
    let current = null;
    let shown = 0;
    let serial = 0;

    const params = new URL(location.href).searchParams;
    input.value = params.get("q") || "";
    sort.value = params.get("sort") || "";
    for (const [key, values] of chosen) params.getAll(key).forEach((v) => values.add(v));

    function remember() {
      const url = new URL(location.href);
      url.search = "";
      if (input.value.trim()) url.searchParams.set("q", input.value.trim());
      if (sort.value) url.searchParams.set("sort", sort.value);
      for (const [key, values] of chosen) values.forEach((v) => url.searchParams.append(key, v));
      history.replaceState(null, "", url);
    }
    function filters() {
      const out = {};
      for (const [key, values] of chosen) if (values.size) out[key] = { any: [...values] };
      return out;
    }
    function drawFacets(counts) {
      for (const fieldset of facets) {
        const key = fieldset.dataset.facet;
        const values = Object.entries(counts[key] || {}).filter(([v, n]) => n > 0 || chosen.get(key).has(v));
        values.sort(key === "year" ? (a, b) => b[0].localeCompare(a[0]) : (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        fieldset.hidden = values.length === 0;
        const holder = fieldset.querySelector(".na-facet__values");
        const limit = expanded.has(key) ? values.length : FACET_SHOWN;
        holder.replaceChildren(...values.slice(0, limit).map(([value, n]) => {
          const label = el("label", "na-facet__value");
          const box = el("input");
          box.type = "checkbox";
          box.value = value;
          box.checked = chosen.get(key).has(value);
          box.addEventListener("change", () => {
            box.checked ? chosen.get(key).add(value) : chosen.get(key).delete(value);
            run();
          });
          label.append(box, " " + value + " ", el("span", "na-count", String(n)));
          return label;
        }));
        if (values.length > limit) {
          const all = el("button", "na-facet__all", `All ${values.length}`);
          all.type = "button";
          all.addEventListener("click", () => { expanded.add(key); drawFacets(counts); });
          holder.append(all);
        }
      }
    }
    async function showMore() {
      const mine = serial;
      const batch = current.results.slice(shown, shown + PAGE_SIZE);
      const datas = await Promise.all(batch.map((r) => r.data()));
      if (mine !== serial) return;
      results.append(...datas.map((d) => resultItem(d, { item: "na-result", link: "na-result__link",
        article: "na-result__article", heading: "h2" })));
      shown += batch.length;
      more.hidden = shown >= current.results.length;
    }
    async function run() {
      remember();
      const mine = ++serial;
      const query = input.value.trim() || null;
      const active = filters();
      if (!query && !Object.keys(active).length) {
        results.replaceChildren();
        more.hidden = true;
        status.textContent = "Type a name, a place or any words; then narrow by year, person, source…";
        const pf = await load();
        if (mine === serial) drawFacets(await pf.filters());
        return;
      }
      if (query && tooShort(query) && !Object.keys(active).length) {
        status.textContent = "Keep typing…";
        return;
      }
      status.textContent = "Searching…";
      const pf = await load();
      await pf.filters(); // loads the filter index: without it results carry no counts
      const options = { filters: active };
      if (sort.value) options.sort = { date: sort.value };
      const search = await pf.search(query, options);
      if (mine !== serial) return;
      current = search;
      shown = 0;
      results.replaceChildren();
      status.textContent = plural(search.results.length, "article");
      drawFacets(search.filters);
      await showMore();
    }
    form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
    input.addEventListener("input", afterPause(run));
    sort.addEventListener("change", run);
    more.addEventListener("click", showMore);
    box.addEventListener("keydown", (event) => {
      const links = [...results.querySelectorAll("a")];
      const at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && (event.target === input || at >= 0)) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)]?.focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : links[at - 1]).focus();
      }
    });
    run();
    return { open: () => input.focus() };
  }

  function start() {
    const top = header();
    const full = page();
    document.addEventListener("keydown", (event) => {
      const target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (event.key === "s" || event.key === "/") {
        event.preventDefault();
        event.stopPropagation();
        (full || top)?.open();
      }
    }, true);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
