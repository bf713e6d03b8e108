#!/usr/bin/env python3
"""Prints a detect/reconcile response (JSON on stdin) the way an on-call engineer reads it. Used by `make demo`."""
import json
import sys

what = sys.argv[1] if len(sys.argv) > 1 else "detect"
show_alerts = "--alerts" in sys.argv
d = json.load(sys.stdin)

if what == "detect":
    b = d["batch"]
    print(f"  batch    {b['events']} log events from {b['logGroup']}, {len(b['rejected'])} rejected")
    for f in d["findings"]:
        print(f"  finding  {f['verdict']}: {f['namespace']}/{f['pod']} on {f['node']}")
        print(f"           cause {f['cause']} (remedy: {f['remedy']})")
    for c in d["correlation"]:
        verdict = {True: "CAN restore InstantOn", False: "CANNOT restore InstantOn", None: "unknown"}[c["compatible"]]
        print(f"  node     {c['node']} -> {c['instanceId']} -> node group {c['nodegroup']} ({c['amiFamily']} {c['amiRelease']}, kernel {c['kernel']} from {c['kernelSource']}): {verdict}")
        if c["missing"]:
            print(f"           missing: {', '.join(c['missing'])}")
    plan = d["plan"]
    print(f"  plan     {plan['id']} (mode {plan['mode']})")
    for a in plan["actions"]:
        target = "/".join(x for x in (a["target"].get("cluster"), a["target"].get("nodegroup")) if x)
        print(f"    - {a['type']:<28} {a['status']:<18} {target}")
        print(f"      {a['reason'][:220]}")
    if show_alerts:
        for alert in d.get("alerts", []):
            print()
            print("  ---- alert (what SNS would deliver) " + "-" * 40)
            print("  Subject: " + alert["subject"])
            for line in alert["body"].splitlines():
                print("  " + line)
elif what == "reconcile":
    for c in d.get("audit", []):
        print(f"  cluster  {c['cluster']}: {c['compatible']} node group(s) can restore InstantOn, {c['incompatible']} cannot, {c['unknown']} unknown")
        for ng in c.get("incompatibleNodegroups", []):
            target = ", ".join(ng.get("compatibleNodegroups") or []) or ng.get("targetAmiType") or "none"
            print(f"           {ng['nodegroup']}: missing {', '.join(ng['missing'])} -> move to {target}")
    for v in d.get("verified", []):
        print(f"  verified {v}")
    for a in d.get("alerts", []):
        print(f"  alert    {a['subject']}")
