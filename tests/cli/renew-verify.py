#!/usr/bin/env python3
"""Checks a draft of `zongjie renew` against the text it was made from.

usage: renew-verify.py ORIG DRAFT ENCODING FROM:TO... [--gone YEAR]
       renew-verify.py ORIG DRAFT ENCODING --articles OUTLINE

Puts the gaps back (【上年：V】 【上期：V】 [last year: V] become V), drops the
prompt lines renew inserts, and compares the result with ORIG line by line:
the only differences allowed are years moved as FROM:TO says (and 上半年 /
下半年 swapped, with 今年 or 明年 before them, when a half is in the pairs,
written as 2024H1:2024H2).
With --gone, no mention of YEAR may survive in the draft except where a
year stays by the rules (ranges, 《》 〔〕, a regulation's year, cohorts).
With --articles (the output of `zongjie outline ORIG`), each article has
its own year, the first named in its title: any year may move one on, and
no mention of an article's year may survive in it.
Prints the number of hinted gaps and of prompt lines: "hints N prompts M".
"""
import re
import sys

HINT = re.compile(r"【上[年期]：([^】\n]*)】|\[last year: ([^\]\n]*)\]")
PROMPT_LINE = re.compile(r"^(【上[年期]计划：.*】|【请逐条核对上[年期]的问题：.*】|"
                         r"\[fill in: last year's plan: .*\]|\[fill in: review each problem: .*\])\r?$")
YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])(年度|年)?([上下]半年)?")


def period_tokens(line):
    out = []
    for m in YEAR.finditer(line):
        half = {"上半年": "H1", "下半年": "H2"}.get(m.group(3) or "", "")
        out.append(m.group(1) + half)
    return out


def normal(line):
    line = YEAR.sub(lambda m: "Y" + (m.group(2) or "") + ("H" if m.group(3) else ""), line)
    # a half without its number may gain or lose the 今年 / 明年 before it
    return re.sub(r"(?:今年|明年)?[上下]半年", "H", line)


def stays(line, start, end):
    before, after = line[:start], line[end:]
    if re.search(r"[0-9][-—–～~至到]$", before) or re.match(r"[-—–～~至到][0-9]", after):
        return True
    if before.count("《") > before.count("》") or before.endswith("〔"):
        return True
    return bool(re.match(r"(年修订|年修正|年修改|年版|年印发|届|级)", after))


def main():
    orig_path, draft_path, enc = sys.argv[1:4]
    rest = sys.argv[4:]
    gone = None
    if "--gone" in rest:
        gone = rest[rest.index("--gone") + 1]
        rest = rest[:rest.index("--gone")]
    articles = []
    if "--articles" in rest:
        for line in open(rest[rest.index("--articles") + 1], encoding="utf-8"):
            m = re.match(r"article \d+, line (\d+): .*?(?<![0-9自从])((?:19|20)[0-9]{2})年", line)
            if m:
                articles.append((int(m.group(1)), m.group(2)))
        rest = []
    moves = dict(p.split(":") for p in rest)
    orig = open(orig_path, encoding=enc, newline="").read().split("\n")
    draft = open(draft_path, encoding=enc, newline="").read().split("\n")
    hints = sum(len(HINT.findall(line)) for line in draft)
    prompts = sum(1 for line in draft if PROMPT_LINE.match(line))
    back = [HINT.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), line)
            for line in draft if not PROMPT_LINE.match(line)]
    bad = []
    if len(back) != len(orig):
        bad.append("line count %d, was %d" % (len(back), len(orig)))
    for n, (a, b) in enumerate(zip(orig, back), 1):
        if a == b:
            continue
        if normal(a) != normal(b):
            bad.append("line %d changed beyond its years:\n- %s\n+ %s" % (n, a, b))
            continue
        for x, y in zip(period_tokens(a), period_tokens(b)):
            one_on = articles and int(y[:4]) == int(x[:4]) + 1
            if x != y and moves.get(x) != y and moves.get(x[:4]) != y[:4] and not one_on:
                bad.append("line %d: %s became %s" % (n, x, y))
    # the year each line of the draft must not name: (first line, year)
    spans = [(1, gone)] if gone else []
    if articles:
        # article lines of ORIG, shifted by the prompt lines inserted before
        kept = [n for n, line in enumerate(draft, 1) if not PROMPT_LINE.match(line)]
        spans = [(kept[first - 1], year) for first, year in articles if first <= len(kept)]
    for k, (first, year) in enumerate(spans):
        last = spans[k + 1][0] - 1 if k + 1 < len(spans) else len(draft)
        for n in range(first, last + 1):
            line = draft[n - 1]
            for m in re.finditer(r"(?<![0-9])%s(?![0-9])" % year, line):
                if (line[m.end():m.end() + 1] in ("年", " ", ",", ".", "") and
                        not stays(line, m.start(), m.end())):
                    bad.append("line %d: %s survives: %s" % (n, year, line))
    for b in bad:
        print("# " + b)
    print("hints %d prompts %d" % (hints, prompts))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
