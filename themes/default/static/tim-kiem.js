// minhbach search: loads the static index only when a query is made.
// Works from disk and from a sub-path: index files are fetched relative to
// this script's own address.
(function (root) {
  "use strict";
  var COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

  function fold(s) {
    return s.normalize("NFD").replace(COMBINING, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function tokens(s) {
    return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function shardKey(t) {
    var k = Array.from(t).slice(0, 2).join("");
    return /^[a-z0-9]+$/.test(k) ? k : "_";
  }

  // Finds documents matching every query word; the last word may be a prefix.
  // `load(path)` returns a promise of parsed JSON for an index file.
  function search(query, load, limit) {
    var words = tokens(query);
    if (!words.length) return Promise.resolve([]);
    var keys = {};
    words.forEach(function (w) { keys[shardKey(w)] = true; });
    var shards = {};
    return Promise.all(Object.keys(keys).map(function (k) {
      return load("t/" + k + ".json").then(function (j) { shards[k] = j; }, function () { shards[k] = {}; });
    })).then(function () {
      var sets = words.map(function (w, i) {
        var shard = shards[shardKey(w)] || {};
        var ids = {};
        var last = i === words.length - 1;
        Object.keys(shard).forEach(function (t) {
          if (t === w || (last && w.length >= 2 && t.indexOf(w) === 0)) {
            shard[t].forEach(function (id) { ids[id] = true; });
          }
        });
        return ids;
      });
      var hits = Object.keys(sets[0]).filter(function (id) {
        return sets.every(function (s) { return s[id]; });
      }).map(Number);
      return load("meta.json").then(function (meta) {
        var chunks = {};
        hits.forEach(function (id) { chunks[Math.floor(id / meta.chunk)] = true; });
        var docs = {};
        return Promise.all(Object.keys(chunks).map(function (c) {
          return load("d/" + c + ".json").then(function (rows) {
            rows.forEach(function (row, j) { docs[Number(c) * meta.chunk + j] = row; });
          });
        })).then(function () {
          var phrase = words.join(" ");
          var rank = { "Cơ quan": 0, "Văn bản": 1, "Nhiệm vụ": 2 };
          return hits.map(function (id) { return docs[id]; }).filter(Boolean).sort(function (a, b) {
            var pa = a[3].indexOf(phrase) >= 0 ? 0 : 1, pb = b[3].indexOf(phrase) >= 0 ? 0 : 1;
            return pa - pb || rank[a[0]] - rank[b[0]] || a[3].length - b[3].length;
          }).slice(0, limit || 50).map(function (r) {
            return { kind: r[0], title: r[1], href: r[2] };
          });
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
  function show(q) {
    if (!q.trim()) { out.innerHTML = ""; return; }
    search(q, load, 50).then(function (res) {
      out.innerHTML = "";
      var p = document.createElement("p");
      p.textContent = res.length ? res.length + " kết quả cho “" + q + "”" : "Không tìm thấy kết quả cho “" + q + "”.";
      out.appendChild(p);
      var ul = document.createElement("ul");
      res.forEach(function (r) {
        var li = document.createElement("li");
        var tag = document.createElement("span");
        tag.className = "tag";
        tag.textContent = r.kind + ": ";
        var a = document.createElement("a");
        a.href = siteRoot + r.href;
        a.textContent = r.title;
        li.appendChild(tag);
        li.appendChild(a);
        ul.appendChild(li);
      });
      out.appendChild(ul);
    }, function () {
      out.textContent = "Không tải được chỉ mục tìm kiếm (khi mở từ ổ đĩa, trình duyệt có thể chặn). Hãy dùng danh sách bên dưới.";
    });
  }
  var input = form.querySelector("input[name=q]");
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 200);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); show(input.value); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; show(q); }
})(typeof window !== "undefined" ? window : globalThis);
