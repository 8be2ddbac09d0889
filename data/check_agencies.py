#!/usr/bin/env python3
"""Self-check for data/agencies-vn.yaml (the reference registry of national bodies).

Usage: python3 data/check_agencies.py [path/to/agencies-vn.yaml]

Checks:
  - the file parses as YAML and has `sources`, `agencies` (and optional `ambiguous`);
  - ids are unique and match ^[a-z0-9]+(-[a-z0-9]+)*$, at most 100 characters;
  - every successor id, member id, parent id and ambiguous candidate exists;
  - every `source` (entry, successor, name_en_source) is a known source id or an
    allowed marker (`unverified`; for name_en_source also `press`, `convention`);
  - no two entries share a name or alias after lowercasing, folding whitespace
    and folding "uỷ"/"ủy" (the project's matching); an ambiguous string is
    neither a name nor an alias;
  - every string in the file is Unicode NFC;
  - kinds and levels are among the project's values; member cycles are errors.
Warnings (not errors): a successor without a date, an entry with an unverified
source, an alias that begins another registered name (a prefix the project's
`check` would also warn about).

Exit status 0 when there is no error. Needs PyYAML (`pip install pyyaml`).
"""
import re
import sys
import unicodedata
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is needed: pip install pyyaml")

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KINDS = {"department", "peoples-committee", "council", "office", "police",
         "steering-committee", "ward-office", "media", "enterprise", "party",
         "central", "group", "other"}
LEVELS = {"province", "ward", "commune", "district", "national"}
SOURCE_MARKERS = {"unverified"}
NAME_EN_MARKERS = {"unverified", "press", "convention"}


def fold(s):
    """Lowercase, fold whitespace and the uỷ/ủy spelling pair, as the project matches."""
    s = unicodedata.normalize("NFC", s).lower()
    s = s.replace("uỷ", "ủy")
    return " ".join(s.split())


def walk_strings(node, path="$"):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from walk_strings(k, f"{path}.<key>") if isinstance(k, str) else iter(())
            yield from walk_strings(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk_strings(v, f"{path}[{i}]")


def as_list(x):
    if x is None:
        return []
    return x if isinstance(x, list) else [x]


def main(argv):
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("agencies-vn.yaml")
    errors, warnings = [], []
    raw = path.read_text(encoding="utf-8")
    if not unicodedata.is_normalized("NFC", raw):
        errors.append("the file (including comments) is not NFC")
    try:
        doc = yaml.safe_load(raw)
    except yaml.YAMLError as e:
        print(f"{path}: YAML error: {e}")
        return 1
    if not isinstance(doc, dict) or "agencies" not in doc or "sources" not in doc:
        print(f"{path}: needs top-level `sources:` and `agencies:`")
        return 1

    for p, s in walk_strings(doc):
        if not unicodedata.is_normalized("NFC", s):
            errors.append(f"{p}: string not NFC: {s!r}")

    sources = doc["sources"] or {}
    for sid, src in sources.items():
        if not ID_RE.match(str(sid)) or len(str(sid)) > 100:
            errors.append(f"sources.{sid}: bad source id")
        if not isinstance(src, dict) or not src.get("title") or not src.get("issuer"):
            errors.append(f"sources.{sid}: needs title and issuer")
        elif src.get("checked") not in ("text", "excerpt", "secondary"):
            errors.append(f"sources.{sid}: `checked` must be text, excerpt or secondary")

    agencies = doc["agencies"] or []
    ids = {}
    for i, a in enumerate(agencies):
        aid = a.get("id")
        where = f"agencies[{i}] ({aid})"
        if not isinstance(aid, str) or not ID_RE.match(aid) or len(aid) > 100:
            errors.append(f"{where}: bad id")
        if aid in ids:
            errors.append(f"{where}: duplicate id (also agencies[{ids[aid]}])")
        ids[aid] = i
        if not a.get("name"):
            errors.append(f"{where}: no name")
        if a.get("kind") not in KINDS:
            errors.append(f"{where}: unknown kind {a.get('kind')!r}")
        if a.get("level") not in LEVELS:
            errors.append(f"{where}: unknown level {a.get('level')!r}")
        if "source" not in a:
            errors.append(f"{where}: no source")

    def check_source(val, where):
        for s in as_list(val):
            if s in SOURCE_MARKERS:
                warnings.append(f"{where}: source is `{s}`")
            elif s not in sources:
                errors.append(f"{where}: unknown source {s!r}")

    seen = {}  # folded string -> (id, original)
    for i, a in enumerate(agencies):
        aid = a.get("id")
        where = f"agencies[{i}] ({aid})"
        check_source(a.get("source"), where)
        nes = a.get("name_en_source")
        if a.get("name_en") and nes is None:
            errors.append(f"{where}: name_en without name_en_source")
        if nes is not None and nes not in NAME_EN_MARKERS and nes not in sources:
            errors.append(f"{where}: unknown name_en_source {nes!r}")
        succ = a.get("successor")
        if succ is not None:
            if not isinstance(succ, dict) or succ.get("id") not in ids:
                errors.append(f"{where}: successor id {succ!r} does not exist")
            else:
                if succ.get("id") == aid:
                    errors.append(f"{where}: successor is itself")
                if not succ.get("date"):
                    warnings.append(f"{where}: successor without a date")
                if "source" not in succ:
                    errors.append(f"{where}: successor without a source")
                check_source(succ.get("source"), f"{where}.successor")
        if a.get("parent") is not None and a.get("parent") not in ids:
            errors.append(f"{where}: parent {a.get('parent')!r} does not exist")
        for m in as_list(a.get("members")):
            if m not in ids:
                errors.append(f"{where}: member {m!r} does not exist")
        if a.get("members") and a.get("kind") != "group":
            errors.append(f"{where}: members on a non-group entry")
        for s in [a.get("name")] + as_list(a.get("aliases")):
            if not isinstance(s, str) or not s.strip():
                errors.append(f"{where}: empty name or alias")
                continue
            f = fold(s)
            if f in seen and seen[f][0] != aid:
                errors.append(f"{where}: {s!r} is also a name/alias of {seen[f][0]} ({seen[f][1]!r})")
            elif f in seen:
                warnings.append(f"{where}: {s!r} repeats (after folding) another spelling of the same entry")
            seen.setdefault(f, (aid, s))

    # member cycles
    graph = {a.get("id"): as_list(a.get("members")) for a in agencies}

    def visit(n, stack):
        if n in stack:
            errors.append("member cycle: " + " -> ".join(stack + [n]))
            return
        for m in graph.get(n, []):
            visit(m, stack + [n])

    for n in graph:
        visit(n, [])

    # ambiguous strings
    for j, amb in enumerate(doc.get("ambiguous") or []):
        t = amb.get("text")
        where = f"ambiguous[{j}] ({t!r})"
        if not t:
            errors.append(f"{where}: no text")
            continue
        if fold(t) in seen:
            errors.append(f"{where}: is a name/alias of {seen[fold(t)][0]}; remove one of them")
        for c in as_list(amb.get("candidates")):
            if c not in ids:
                errors.append(f"{where}: candidate {c!r} does not exist")

    # aliases that begin another registered name (prefix at a word boundary)
    names = sorted(seen.items())
    for f, (aid, orig) in names:
        for g, (bid, other) in names:
            if bid != aid and g != f and g.startswith(f + " "):
                warnings.append(f"{orig!r} ({aid}) begins {other!r} ({bid})")

    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"error: {e}")
    kinds = {}
    for a in agencies:
        kinds[a.get("kind")] = kinds.get(a.get("kind"), 0) + 1
    print(f"{path}: {len(agencies)} entries "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), "
          f"{len(sources)} sources, {len(doc.get('ambiguous') or [])} ambiguous strings; "
          f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
