#!/usr/bin/env python3
"""Writes the hostile-content fixture site (tests/hostile/content): a valid
content directory whose every text field carries script, attribute, URL,
template, XML and calendar injection payloads. tests/hostile.rs builds it
and scans the output for executable content; tests/browser/run.mjs loads
its pages in Chromium and fails if any dialog opens.
Run: python3 tests/hostile/generate.py (output is committed)."""
import json, os, pathlib

ROOT = pathlib.Path(__file__).parent / "content"
# One payload per vector; every one would call alert() if it ran.
P = [
    "<script>alert('script')</script>",
    "\"><img src=x onerror=alert('img')>",
    "'><svg/onload=alert('svg')>",
    "</title></textarea></style></script><script>alert('close')</script>",
    "<a href=\"javascript:alert('href')\">liên kết</a>",
    "<iframe srcdoc=\"<script>alert('iframe')</script>\"></iframe>",
    "{{ 7*7 }}{% if true %}tera{% endif %}",
    "]]><!-- --><![CDATA[x]]>&amp;&lt;&#x3C;script&#x3E;",
    "dòng 1\ndòng 2\nX-INJECT:1\nBEGIN:VEVENT",
    "<details open ontoggle=alert('toggle')>",
]
ALL = " ".join(P)
ATTR_URL = "https://hostile.example/\"onmouseover=\"alert('attr')"
BAD_URLS = [
    "javascript:alert('url')",
    " JaVaScRiPt:alert('url2')",
    "data:text/html,<script>alert('data')</script>",
    "vbscript:msgbox('vb')",
]

def q(s):
    return json.dumps(s, ensure_ascii=False)

def w(path, text):
    p = ROOT / path
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")

AG1 = "Sở Thử <script>alert('agency')</script> nghiệm"
AG2 = "Ban \"><img src=x onerror=alert('agency2')> Hai"
w("site.yaml", f"""title: {q('Trang ' + P[0] + P[3])}
description: {q(ALL)}
language: vi
base_url: "https://hostile.example/minhbach/"
time_zone: Asia/Ho_Chi_Minh
as_of: 2025-12-15
publisher: {q(P[1] + P[7])}
footer: {q(P[4] + P[8])}
""")
w("agencies.yaml", f"""agencies:
  - id: so-thu
    name: {q(AG1)}
    short: {q(P[2])}
    kind: department
    aliases: [{q(P[9] + ' bí danh')}]
    note: {q(ALL)}
  - id: ban-hai
    name: {q(AG2)}
    kind: office
    note: {q(P[5])}
""")
w("plans/kh-doc-hai/plan.md", f"""---
number: {q('1/KH-' + P[0])}
number_note: {q(P[1])}
doc_type: {q('Kế hoạch ' + P[2])}
title: {q('Kế hoạch ' + ALL)}
short_title: {q(P[3])}
issuer: so-thu
issuer_name: {q(P[4])}
place: {q(P[5])}
date: 2025-09-01
date_text: {q(P[6])}
period: {{ start: 2025-09-01, end: 2025-12-31 }}
signatory: {{ name: {q(P[7])}, position: {q(P[8])}, on_behalf: {q(P[9])} }}
legal_bases: [{q(P[0])}, {q(P[1])}]
recipients: [{q(P[2])}, {q(P[4])}]
declared:
  tasks: 2
  groups:
    - {{ label: {q(P[3])}, count: 2, group: "I" }}
source: {q(P[5])}
---
## I. MỤC ĐÍCH {P[0]}

<script>alert('raw block')</script>

<div onmouseover="alert('div')">khối HTML thô</div>

Đoạn có HTML nội dòng <img src=x onerror=alert('inline')> và <b onclick=alert('b')>đậm</b>.

[liên kết javascript](javascript:alert('md')) · [liên kết hoa](JAVASCRIPT:alert('md2')) ·
[dữ liệu](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ·
<javascript:alert('autolink')> · ![ảnh](javascript:alert('image') "tiêu đề\\" onerror=\\"alert('t')")

[tham chiếu][r] và chú thích[^1].

[r]: javascript:alert('ref')
[^1]: Chú thích {P[1]}

| Cột {P[2]} | Cột hai |
|---|---|
| {P[4]} | `<script>alert('code')</script>` |

```html
<script>alert('fence')</script>
```

- mục {P[6]}
- mục {P[7]}
""")
w("plans/kh-doc-hai/tasks.yaml", f"""appendix: {q(P[0])}
caption: {q(P[1])}
caption_note: {q(P[8])}
columns: [{q(P[2])}, {q(P[3])}]
groups:
  - code: "I"
    title: {q('NHÓM ' + ALL)}
    appendix: {q(P[4])}
    columns: [{q(P[5])}]
    note: {q(P[6])}
    goals:
      - goal: {q(P[7] + P[9])}
        tasks:
          - number: {q('1' + P[0])}
            id: "1"
            task: {q(ALL)}
            output: {q(P[1] + P[8])}
            lead: {q(AG1)}
            cooperate: {q(AG2)}
            start: {q(P[2])}
            deadline: {q('Tháng 10/2025')}
            note: {q(P[3] + ' ' + BAD_URLS[0])}
          - number: "2"
            task: {q(P[4])}
            lead: {q(AG2)}
            deadline: {q(P[5] + P[8])}
            note: {q(P[9])}
""")
w("plans/kh-doc-hai/duties.yaml", f"""duties:
  - id: bao-cao-thang
    title: {q('Báo cáo ' + P[0])}
    who: {q(AG1)}
    to: {q(P[1] + P[8])}
    schedule: {{ every: month, day: 9, before: true }}
    quote: {q(ALL)}
    section: {q(P[2])}
    note: {q(P[3])}
""")
evidence = "\n".join(
    f"      - number: {q(P[i])}\n        date: 2025-10-01\n        title: {q(P[i + 1])}\n"
    f"        url: {q(u)}\n        source: {q(P[i + 2])}"
    for i, u in enumerate(BAD_URLS)
)
w("reports/2025-10.yaml", f"""period: "2025-10"
date: 2025-10-20
kind: report
issuer: so-thu
number: {q(P[0])}
title: {q('Báo cáo ' + P[1])}
note: {q(ALL)}
entries:
  - task: "kh-doc-hai/1"
    status: done
    progress: 100
    completed: 2025-10-10
    note: {q(P[2] + P[8])}
    evidence:
{evidence}
      - number: "ok"
        title: {q(P[5])}
        url: {q(ATTR_URL)}
  - task: "kh-doc-hai/2"
    status: in-progress
    progress: 40
    note: {q(P[9])}
indicators:
  - {{ plan: "kh-doc-hai", id: "chi-so", name: {q(P[0] + P[1])}, unit: {q(P[2])}, target: 90, actual: 40, note: {q(P[3])} }}
""")
