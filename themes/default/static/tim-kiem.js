// minhbach search: loads the static index only when a query is made.
// Works from disk and from a sub-path: index files are fetched relative to
// the search form's data-index address.
(function (root) {
  "use strict";
  // Every combining mark (general category M), as Rust's is_combining_mark.
  var COMBINING = /\p{M}/gu;

  // Folds text for matching exactly as src/render/search.rs `fold` does
  // (both are tested against tests/fold_samples.json).
  function fold(s) {
    return s.normalize("NFD").replace(COMBINING, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function words(s) {
    return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function tokens(s) {
    return words(fold(s));
  }

  // Shards whose tokens may fall in [lo, hi): meta.shards lists each
  // shard's first token in order; a long posting list continues in the
  // next shard, which then starts with the same token.
  function shardsFor(list, lo, hi) {
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var first = list[i][0];
      var next = i + 1 < list.length ? list[i + 1][0] : null;
      if (first < hi && (next === null || next >= lo)) out.push(list[i][1]);
    }
    return out;
  }

  function decode(deltas) {
    var sum = 0;
    return deltas.map(function (d) { sum += d; return sum; });
  }

  // The kinds in rank order, by their words in the index (the page gives
  // its language's words in `data-kinds`; these are the Vietnamese ones):
  // tasks first, what readers look for.
  var KIND_RANK = { "Nhiệm vụ": 0, "Văn bản": 1, "Cơ quan": 2 };

  // True when the query begins one of an agency's names (official, alias,
  // short: doc[6], folded, joined by "|"), word by word, the last query
  // word possibly a prefix: "so khoa hoc", "VP UBND tinh" name an agency.
  function names(doc, q) {
    if (!doc[6]) return 0;
    var last = q.folded.length - 1;
    return doc[6].split("|").some(function (name) {
      var w = name.split(" ");
      return q.folded.every(function (qw, i) {
        return w[i] === qw || (i === last && qw.length >= 2 && w[i] !== undefined && w[i].indexOf(qw) === 0);
      });
    }) ? 1 : 0;
  }

  // How well a document's title answers the query, as a list compared left
  // to right (higher first): query words written with the same diacritics
  // as in the title, an agency the query names, then tasks before plans
  // before agencies, then the whole folded phrase as whole words, query
  // words that are whole words of the title, and shorter titles first.
  function score(doc, q) {
    var exactWords = words(doc[1].normalize("NFC").toLowerCase());
    var foldedWords = words(doc[3]);
    var exact = 0, whole = 0;
    q.raw.forEach(function (w, i) {
      if (exactWords.indexOf(w) >= 0) exact++;
      if (foldedWords.indexOf(q.folded[i]) >= 0) whole++;
    });
    var padded = " " + foldedWords.join(" ") + " ";
    var phrase = padded.indexOf(" " + q.folded.join(" ") + " ") >= 0 ? 1 : 0;
    return [exact, names(doc, q), -KIND_RANK[doc[0]], phrase, whole, -doc[1].length];
  }

  function compare(a, b) {
    for (var i = 0; i < a.s.length; i++) {
      if (a.s[i] !== b.s[i]) return b.s[i] - a.s[i];
    }
    return a.id - b.id;
  }

  // Finds documents matching every query word (the last may be a prefix of
  // two letters or more), ranked by `score`. Resolves to { total, results }:
  // `total` counts every match, `results` holds the first `limit` of them.
  // `load(path)` returns a promise of parsed JSON for an index file.
  function search(query, load, limit) {
    var raw = words(query.normalize("NFC").toLowerCase());
    var folded = raw.map(fold);
    if (!folded.length) return Promise.resolve({ total: 0, results: [] });
    var shards = {};
    return load("meta.json").then(function (meta) {
      var ranges = folded.map(function (w, i) {
        var prefix = i === folded.length - 1 && w.length >= 2;
        return { w: w, prefix: prefix, files: shardsFor(meta.shards || [], w, prefix ? w + "\uffff" : w + "\u0000") };
      });
      var need = {};
      ranges.forEach(function (r) { r.files.forEach(function (f) { need[f] = true; }); });
      return Promise.all(Object.keys(need).map(function (f) {
        return load(f).then(function (j) { shards[f] = j; }, function () { shards[f] = {}; });
      })).then(function () {
        var sets = ranges.map(function (r) {
          var ids = {};
          r.files.forEach(function (f) {
            var shard = shards[f] || {};
            Object.keys(shard).forEach(function (t) {
              if (t === r.w || (r.prefix && t.indexOf(r.w) === 0)) {
                decode(shard[t]).forEach(function (id) { ids[id] = true; });
              }
            });
          });
          return ids;
        });
        var hits = Object.keys(sets[0]).filter(function (id) {
          return sets.every(function (s) { return s[id]; });
        }).map(Number);
        var chunks = {};
        hits.forEach(function (id) { chunks[Math.floor(id / meta.chunk)] = true; });
        var docs = {};
        return Promise.all(Object.keys(chunks).map(function (c) {
          return load("d/" + c + ".json").then(function (rows) {
            rows.forEach(function (row, j) { docs[Number(c) * meta.chunk + j] = row; });
          });
        })).then(function () {
          var q = { raw: raw, folded: folded };
          var ranked = hits.filter(function (id) { return docs[id]; }).map(function (id) {
            return { id: id, d: docs[id], s: score(docs[id], q) };
          }).sort(compare);
          return {
            total: ranked.length,
            results: ranked.slice(0, limit || ranked.length).map(function (r) {
              return { kind: r.d[0], title: r.d[1], href: r.d[2], state: r.d[4] || "", stateLabel: r.d[5] || "" };
            }),
          };
        });
      });
    });
  }


  root.minhbachSearch = { fold: fold, tokens: tokens, search: search };
  if (typeof module !== "undefined") module.exports = root.minhbachSearch;

  if (typeof document === "undefined") return;
  var form = document.getElementById("tim-kiem-form");
  var out = document.getElementById("ket-qua");
  if (!form || !out) return;
  var base = form.getAttribute("data-index");
  var siteRoot = form.getAttribute("data-root");
  var PAGE = 50;
  // The interface's words: the page's language's, from `data-w-*` when the
  // page gives them, else the Vietnamese ones. `{q}`, `{shown}`, `{total}`
  // are filled in.
  var WORDS = {
    none: "Không tìm thấy kết quả cho “{q}”.",
    some: "Hiện {shown} trên {total} kết quả cho “{q}”, phù hợp nhất trước.",
    one: "{total} kết quả cho “{q}”, phù hợp nhất trước.",
    all: "{total} kết quả cho “{q}”, phù hợp nhất trước.",
    more: "Xem tất cả {total} kết quả",
    failed: "Không tải được chỉ mục tìm kiếm (khi mở từ ổ đĩa, trình duyệt có thể chặn). Hãy dùng danh sách bên dưới."
  };
  Object.keys(WORDS).forEach(function (k) {
    var w = form.getAttribute("data-w-" + k);
    if (w) WORDS[k] = w;
  });
  var kinds = form.getAttribute("data-kinds");
  if (kinds) {
    KIND_RANK = {};
    kinds.split("|").forEach(function (k, i) { KIND_RANK[k] = i; });
  }
  function say(k, v) {
    return WORDS[k].replace(/\{(q|shown|total)\}/g, function (_, n) { return String(v[n]); });
  }
  var cache = {};
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  // On a page in another language than the content's, the page names the
  // content's language and the kinds whose titles are wholly content (an
  // agency's name, a plan's label and title); those titles are marked with
  // it (WCAG 3.1.2). A task's title mixes the interface's words in.
  var contentLang = form.getAttribute("data-content-lang");
  var contentKinds = (form.getAttribute("data-content-kinds") || "").split("|");
  function item(r) {
    var li = document.createElement("li");
    var tag = document.createElement("span");
    tag.className = "tag";
    tag.textContent = r.kind + ": ";
    var a = document.createElement("a");
    a.href = siteRoot + r.href;
    a.textContent = r.title;
    if (contentLang && contentKinds.indexOf(r.kind) >= 0) a.lang = contentLang;
    li.appendChild(tag);
    li.appendChild(a);
    if (r.state) {
      var st = document.createElement("span");
      st.className = "state state-" + r.state;
      st.textContent = r.stateLabel;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(st);
    }
    return li;
  }
  function show(q, all) {
    if (!q.trim()) { out.innerHTML = ""; return Promise.resolve(); }
    return search(q, load, all ? 0 : PAGE).then(function (res) {
      out.innerHTML = "";
      var p = document.createElement("p");
      p.className = "count";
      var v = { q: q, shown: res.results.length, total: res.total };
      if (!res.total) p.textContent = say("none", v);
      else if (res.results.length < res.total) p.textContent = say("some", v);
      else p.textContent = say(res.total === 1 ? "one" : "all", v);
      out.appendChild(p);
      var ul = document.createElement("ul");
      res.results.forEach(function (r) { ul.appendChild(item(r)); });
      out.appendChild(ul);
      if (res.results.length < res.total) {
        var more = document.createElement("button");
        more.type = "button";
        more.className = "more";
        more.textContent = say("more", { q: q, shown: res.results.length, total: res.total });
        more.addEventListener("click", function () {
          show(q, true).then(function () {
            // Keyboard and screen-reader users continue at the first new result.
            var next = out.querySelectorAll("li a")[PAGE];
            if (next) next.focus();
          });
        });
        out.appendChild(more);
      }
    }, function () {
      out.textContent = say("failed", {});
    });
  }
  var input = form.querySelector("input[name=q]");
  // The query stays in the address, so a search can be shared, bookmarked
  // and found again with the back button.
  function keep(q) {
    try {
      var u = new URL(location.href);
      if (q.trim()) u.searchParams.set("q", q); else u.searchParams.delete("q");
      history.replaceState(null, "", u.href);
    } catch (e) { /* an address the browser will not rewrite (file://) */ }
  }
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { keep(input.value); show(input.value, false); }, 200);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); keep(input.value); show(input.value, false); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; show(q, false); }
})(typeof window !== "undefined" ? window : globalThis);
