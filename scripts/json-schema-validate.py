#!/usr/bin/env python3
"""Validate JSON documents against a JSON Schema (draft 2020-12) with the machine image's python-jsonschema.

Usage: json-schema-validate.py INPUT.json   (or - for stdin)

INPUT: {"schema": "path/to/schema.json", "documents": [<any JSON>, ...]}
Output: {"ok": bool, "results": [{"index": i, "errors": ["path: message", ...]}, ...]}; exit 0 when every document is
valid, 1 when one is not, 2 on bad input (a broken schema included).
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        text = sys.stdin.read() if argv[1] == "-" else open(argv[1], encoding="utf-8").read()
        request = json.loads(text)
        with open(request["schema"], encoding="utf-8") as handle:
            schema = json.load(handle)
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
    except (OSError, ValueError, KeyError, jsonschema.SchemaError) as e:
        print(f"cannot read input or schema: {e}", file=sys.stderr)
        return 2
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    results = []
    for index, document in enumerate(request.get("documents", [])):
        errors = sorted(
            f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
            for error in validator.iter_errors(document))
        results.append({"index": index, "errors": errors})
    ok = all(not r["errors"] for r in results)
    json.dump({"ok": ok, "results": results}, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
