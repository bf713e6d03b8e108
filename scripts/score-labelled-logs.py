#!/usr/bin/env python3
"""Scores the classifier on a set of saved, labelled logs (docs/fresh-evaluation.md, "Method").

  score-labelled-logs.py --cli PATH [--table] [--json OUT] DIR...

Each DIR holds one `<id>.log` per log and a `labels.jsonl` with one line per log:
  {"id": "...", "url": "...", "verdict": "restore-failure|checkpoint-failure|restore-success|none",
   "cause": "<cause id, or none>", "confidence": "high|medium|low", "why": "..."}
The CLI (`instanton-remediate`) classifies each log (`classify --json`). Printed: verdict over every log, cause and
remedy class over the labelled failures, failures classified `none`, named causes found (labels other than `unknown`
and `runtime-regression`), `unknown` kept `unknown`, per DIR; with --table the per-log Markdown table. Remedy classes
come from the shipped catalog, so the figures follow the vocabulary the product uses. Exit 2 on bad input (a label
that is not JSON, a missing log, an unknown verdict or cause).
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "functions", "InstantOnRemediate.Core", "Data", "signatures.json")
VERDICTS = {"restore-failure", "checkpoint-failure", "restore-success", "none"}


def fail(message):
    print(f"score-labelled-logs: {message}", file=sys.stderr)
    sys.exit(2)


def remedies():
    with open(CATALOG, encoding="utf-8") as f:
        catalog = json.load(f)
    classes = {c["id"]: c["remedy"] for c in catalog["causes"]}
    classes.setdefault("none", "none")
    return classes


def load(directory, classes):
    path = os.path.join(directory, "labels.jsonl")
    if not os.path.isfile(path):
        fail(f"{directory}: no labels.jsonl")
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                label = json.loads(line)
            except json.JSONDecodeError as e:
                fail(f"{path}:{number}: not JSON ({e.msg})")
            for key in ("id", "verdict", "cause"):
                if not isinstance(label.get(key), str) or not label[key]:
                    fail(f"{path}:{number}: '{key}' is missing")
            if label["verdict"] not in VERDICTS:
                fail(f"{path}:{number}: verdict '{label['verdict']}' is not one of {sorted(VERDICTS)}")
            if label["cause"] not in classes:
                fail(f"{path}:{number}: cause '{label['cause']}' is not in the catalog")
            log = os.path.join(directory, label["id"] + ".log")
            if not os.path.isfile(log):
                fail(f"{path}:{number}: {log} does not exist")
            rows.append((label, log))
    return rows


def classify(cli, log):
    done = subprocess.run([cli, "classify", "--json", log], capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        fail(f"{cli} classify {log} exited {done.returncode}: {done.stderr.strip()[:300]}")
    result = json.loads(done.stdout)
    return result[0] if isinstance(result, list) else result


def figures(rows, classes):
    failures = [(l, r) for l, r in rows if l["verdict"].endswith("failure")]
    named = [(l, r) for l, r in failures if l["cause"] not in ("unknown", "runtime-regression")]
    unknown = [(l, r) for l, r in failures if l["cause"] == "unknown"]
    return {
        "logs": len(rows),
        "verdict": sum(l["verdict"] == r["verdict"] for l, r in rows),
        "failures": len(failures),
        "cause": sum(l["cause"] == r["cause"] for l, r in failures),
        "remedy": sum(classes.get(l["cause"]) == classes.get(r["cause"], r["cause"]) for l, r in failures),
        "failuresNone": sum(r["verdict"] == "none" for l, r in failures),
        "named": len(named),
        "namedFound": sum(l["cause"] == r["cause"] for l, r in named),
        "unknown": len(unknown),
        "unknownKept": sum(r["cause"] == "unknown" for l, r in unknown),
    }


def line(name, f):
    pct = lambda a, b: f"{100 * a / b:.1f} %" if b else "-"
    return (f"{name}: verdict {f['verdict']}/{f['logs']} = {pct(f['verdict'], f['logs'])}; "
            f"cause {f['cause']}/{f['failures']} = {pct(f['cause'], f['failures'])}; "
            f"remedy class {f['remedy']}/{f['failures']}; failures none {f['failuresNone']}; "
            f"named cause found {f['namedFound']}/{f['named']}; unknown kept unknown {f['unknownKept']}/{f['unknown']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path to instanton-remediate")
    parser.add_argument("--table", action="store_true", help="print the per-log Markdown table")
    parser.add_argument("--json", help="write per-log results to this file")
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    classes = remedies()
    everything, per_dir = [], []
    for directory in args.dirs:
        rows = [(label, classify(args.cli, log)) for label, log in load(directory, classes)]
        per_dir.append((os.path.basename(os.path.normpath(directory)), rows))
        everything.extend(rows)
    for name, rows in per_dir:
        print(line(name, figures(rows, classes)))
    if len(per_dir) > 1:
        print(line("all", figures(everything, classes)))
    if args.table:
        print()
        print("| Id | Source | Label (verdict / cause) | Conf. | Classified |")
        print("|---|---|---|---|---|")
        for label, result in everything:
            right = label["verdict"] == result["verdict"] and (label["cause"] == result["cause"] or not label["verdict"].endswith("failure"))
            print(f"| {label['id']} | {label.get('url', '')} | {label['verdict']} / {label['cause']} | "
                  f"{label.get('confidence', '')} | {'✓ ' if right else ''}{result['verdict']} / {result['cause']} |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump([{"label": l, "result": {k: r.get(k) for k in ("verdict", "cause", "remedy")}} for l, r in everything], out, indent=1)


if __name__ == "__main__":
    main()
