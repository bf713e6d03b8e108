#!/usr/bin/env python3
"""Build a CloudWatch Logs subscription envelope {"awslogs":{"data": base64(gzip(json))}} from a decoded payload.

Usage: scripts/make-event.py DECODED.json [-o ENVELOPE.json]
The output is deterministic (gzip mtime 0, compact JSON), so samples can be rebuilt and compared in tests.
"""
import argparse
import base64
import gzip
import json
import sys


def envelope(decoded: dict) -> dict:
    raw = json.dumps(decoded, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    data = gzip.compress(raw, compresslevel=9, mtime=0)
    return {"awslogs": {"data": base64.b64encode(data).decode("ascii")}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("decoded", help="decoded payload JSON (messageType, owner, logGroup, logStream, subscriptionFilters, logEvents)")
    parser.add_argument("-o", "--output", help="where to write the envelope (default: stdout)")
    args = parser.parse_args()
    with open(args.decoded, encoding="utf-8-sig") as f:
        decoded = json.load(f)
    for key in ("messageType", "logGroup", "logStream", "logEvents"):
        if key not in decoded:
            print(f"make-event: {args.decoded} lacks '{key}'", file=sys.stderr)
            return 2
    text = json.dumps(envelope(decoded), indent=2) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
