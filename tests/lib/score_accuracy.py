#!/usr/bin/env python3
"""Scores `zongjie check --format=json` against labelled texts.

Each FILE.txt in a folder has FILE.txt.labels: one true finding a line,
"LINE RULE" (a line repeats when a rule rightly fires twice there).  A
finding counts as right when its rule and first line match a label not
yet matched.  Prints precision and recall over all rules, and for gaps
(the placeholder rule) recall and false gaps; exits 1 when the figures
miss the goals given on the command line.
usage: score_accuracy.py ZONGJIE NAME DIR [--goals P R GAPRECALL]
"""
import collections, json, os, subprocess, sys

def labels_of(path):
    want = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].split()
            if line:
                want[(int(line[0]), line[1])] += 1
    return want

def main():
    zongjie, name, folder = sys.argv[1:4]
    goals = [float(x) for x in sys.argv[5:8]] if "--goals" in sys.argv else None
    tp = fp = fn = gap_tp = gap_fp = gap_fn = 0
    misses = []
    texts = sorted(p for p in os.listdir(folder) if p.endswith(".txt"))
    for t in texts:
        path = os.path.join(folder, t)
        out = subprocess.run([zongjie, "check", "--format=json", "--ignore", "spelling,length", path],
                             capture_output=True, text=True).stdout
        got = collections.Counter()
        for x in json.loads(out)["files"][0]["findings"]:
            got[(x["line"], x["rule"])] += 1
        want = labels_of(path + ".labels")
        for key in set(got) | set(want):
            hit = min(got[key], want[key])
            extra, missed = got[key] - hit, want[key] - hit
            tp, fp, fn = tp + hit, fp + extra, fn + missed
            if key[1] == "placeholder":
                gap_tp, gap_fp, gap_fn = gap_tp + hit, gap_fp + extra, gap_fn + missed
            if extra or missed:
                misses.append("%s:%d %s: %+d" % (t, key[0], key[1], extra - missed))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    gap_recall = gap_tp / (gap_tp + gap_fn) if gap_tp + gap_fn else 1.0
    gaps = gap_tp + gap_fn
    print("%s: %d texts, %d true findings: precision %.3f, recall %.3f; "
          "gaps: %d, recall %.3f, %d false (%.2f per 50 gaps)"
          % (name, len(texts), tp + fn, precision, recall, gaps, gap_recall, gap_fp,
             50.0 * gap_fp / gaps if gaps else 0.0))
    for m in misses:
        print("  %s" % m)
    if goals and (precision < goals[0] or recall < goals[1] or gap_recall < goals[2]
                  or (gaps and 50.0 * gap_fp / gaps > 1.0)):
        sys.exit(1)

main()
