#!/usr/bin/env python3
"""Keeps the SSM documents of template.yaml equal to their reviewable files under infra/ssm/.

  ssm-documents.py sync [TEMPLATE]    rewrites each `Content:` block that follows a line
                                      `# Content: infra/ssm/<file>.yaml` with that file (its leading comment lines
                                      dropped), indented under `Content:`. Run it after editing a file in infra/ssm/.
  ssm-documents.py fragment PATH      prints one infra/ssm file as JSON, CloudFormation short tags (!Ref, !GetAtt) in
                                      long form, read with cfn-lint's decoder as template.yaml is read (the tests
                                      compare it with the template's Content).
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = re.compile(r"^(?P<indent> *)# Content: (?P<path>infra/ssm/[A-Za-z0-9_.-]+\.yaml)\b")


def body(path):
    """The file's lines without its leading comment block."""
    with open(os.path.join(ROOT, path), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return lines


def sync(template_path):
    with open(template_path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        match = MARKER.match(line)
        i += 1
        if not match:
            continue
        indent = match.group("indent")
        if i >= len(lines) or lines[i] != f"{indent}Content:":
            sys.exit(f"{template_path}:{i + 1}: expected '{indent}Content:' after the marker for {match.group('path')}")
        out.append(lines[i])
        i += 1
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith(indent + "  ")):
            if not lines[i].strip() and (i + 1 >= len(lines) or not lines[i + 1].startswith(indent + "  ")):
                break
            i += 1
        out.extend((indent + "  " + l) if l.strip() else "" for l in body(match.group("path")))
    with open(template_path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")


def fragment(path):
    from cfnlint.decode import cfn_yaml

    with open(path, encoding="utf-8") as handle:
        data = cfn_yaml.loads(handle.read(), path)
    json.dump(data, sys.stdout, indent=1, default=str)


def main(argv):
    if len(argv) >= 2 and argv[1] == "sync" and len(argv) <= 3:
        sync(argv[2] if len(argv) == 3 else os.path.join(ROOT, "template.yaml"))
        return 0
    if len(argv) == 3 and argv[1] == "fragment":
        fragment(argv[2])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
