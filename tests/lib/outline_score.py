#!/usr/bin/env python3
"""Scores `zongjie outline --format=json` against labelled documents.

Usage: outline_score.py ZONGJIE DIR [-v]

Each DIR/NAME.txt has DIR/NAME.label:
    article TITLE            an article and its title (- when untitled)
      KIND                   the opening (no anchor)
      KIND HEADING           a part headed by HEADING (marker included)
      KIND ~ TEXT            an unheaded part whose first line holds TEXT
Prints one line of figures: articles found/spurious, parts found and rightly
classified, spurious headings as a share of the real ones.
"""
import json
import re
import subprocess
import sys
from pathlib import Path


def norm(s):
    return re.sub(r"[\s\u3000]+", "", s or "")


def read_labels(path):
    articles = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw.startswith("article "):
            title = raw[len("article "):].strip()
            articles.append({"title": None if title == "-" else title, "parts": []})
            continue
        kind, _, anchor = raw.strip().partition(" ")
        headed = bool(anchor) and not anchor.startswith("~")
        articles[-1]["parts"].append(
            {"kind": kind, "headed": headed, "anchor": anchor.lstrip("~ ").strip()})
    return articles


def same_heading(label, got):
    a, b = norm(label), norm(got)
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def same_title(label, got):
    if label is None or got is None:
        return label is None and got is None
    return norm(label) == norm(got)


def part_matches(lp, gp, index, lines):
    if lp["headed"]:
        return gp["heading"] is not None and same_heading(lp["anchor"], gp["heading"])
    if gp["heading"] is not None:
        return False
    if not lp["anchor"]:  # the opening: the article's first unheaded part
        return index == 0
    line = lines[gp["line"] - 1] if 0 < gp["line"] <= len(lines) else ""
    return norm(lp["anchor"]) in norm(line)


def score_file(zongjie, txt, verbose):
    labels = read_labels(txt.with_suffix(".label"))
    out = subprocess.run([zongjie, "outline", "--format=json", str(txt)],
                         capture_output=True, text=True, check=True).stdout
    got = json.loads(out)["articles"]
    lines = txt.read_text(encoding="utf-8").split("\n")
    s = dict(articles=0, found_articles=0, spurious_articles=0, parts=0,
             found=0, right=0, headed=0, spurious_headings=0)
    used = set()
    for la in labels:
        s["articles"] += 1
        s["parts"] += len(la["parts"])
        s["headed"] += sum(p["headed"] for p in la["parts"])
        match = next((i for i, ga in enumerate(got)
                      if i not in used and same_title(la["title"], ga["title"])), None)
        if match is None:
            if verbose:
                print(f"  {txt.name}: article not found: {la['title']}")
            continue
        used.add(match)
        s["found_articles"] += 1
        gparts = got[match]["parts"]
        taken = set()
        for lp in la["parts"]:
            k = next((i for i, gp in enumerate(gparts)
                      if i not in taken and part_matches(lp, gp, i, lines)), None)
            if k is None:
                if verbose:
                    print(f"  {txt.name}: part not found: {lp['kind']} {lp['anchor']}")
                continue
            taken.add(k)
            s["found"] += 1
            if gparts[k]["part"] == lp["kind"]:
                s["right"] += 1
            elif verbose:
                print(f"  {txt.name}: {lp['anchor'] or lp['kind']}: "
                      f"{gparts[k]['part']} instead of {lp['kind']}")
        for i, gp in enumerate(gparts):
            if i not in taken and gp["heading"] is not None:
                s["spurious_headings"] += 1
                if verbose:
                    print(f"  {txt.name}: spurious heading: {gp['heading'][:30]}")
    for i, ga in enumerate(got):
        if i in used:
            continue
        s["spurious_articles"] += 1
        s["spurious_headings"] += sum(gp["heading"] is not None for gp in ga["parts"])
        if verbose:
            print(f"  {txt.name}: spurious article: {ga['title']}")
    return s


def main():
    zongjie, folder = sys.argv[1], Path(sys.argv[2])
    verbose = "-v" in sys.argv[3:]
    total = {}
    files = sorted(folder.glob("*.txt"))
    for txt in files:
        for k, v in score_file(zongjie, txt, verbose).items():
            total[k] = total.get(k, 0) + v
    t = total
    pct = lambda a, b: 100.0 * a / b if b else 100.0
    print(f"documents {len(files)} articles {t['articles']} found {t['found_articles']} "
          f"spurious {t['spurious_articles']} parts {t['parts']} found {t['found']} "
          f"({pct(t['found'], t['parts']):.1f}%) rightly-classified {t['right']} "
          f"({pct(t['right'], t['parts']):.1f}%) spurious-headings {t['spurious_headings']} "
          f"({pct(t['spurious_headings'], t['headed']):.1f}% of {t['headed']})")


if __name__ == "__main__":
    main()
