#!/usr/bin/env python3
"""Prints template.yaml or a samconfig TOML file as JSON for the deployment tests.

  template-json.py template PATH    CloudFormation YAML (short tags such as !Sub, !GetAtt, !If) in long JSON form,
                                    read with cfn-lint's own decoder (cfnlint.decode), as CloudFormation reads it.
  template-json.py samconfig PATH   {"<config-env>": {"<command>": {...parameters...}}}; parameter_overrides is
                                    split into {"Key": "Value"} the way the SAM CLI splits it (shell-like words).
"""
import json
import shlex
import sys
import tomllib


def template(path):
    import cfnlint.decode

    body, matches = cfnlint.decode.decode(path)
    if matches or body is None:
        for match in matches:
            print(f"{path}: {match}", file=sys.stderr)
        sys.exit(1)
    return body


def samconfig(path):
    with open(path, "rb") as handle:
        config = tomllib.load(handle)
    result = {}
    for env, commands in config.items():
        if not isinstance(commands, dict):
            result[env] = commands
            continue
        result[env] = {}
        for command, section in commands.items():
            parameters = dict(section.get("parameters", {}))
            overrides = parameters.get("parameter_overrides")
            if isinstance(overrides, str):
                overrides = shlex.split(overrides)
            if isinstance(overrides, list):
                parameters["parameter_overrides"] = dict(item.split("=", 1) for item in overrides)
            result[env][command] = parameters
    return result


def main(argv):
    if len(argv) != 3 or argv[1] not in ("template", "samconfig"):
        print(__doc__, file=sys.stderr)
        return 2
    data = template(argv[2]) if argv[1] == "template" else samconfig(argv[2])
    json.dump(data, sys.stdout, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
