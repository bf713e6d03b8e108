#!/usr/bin/env python3
"""Expands template.yaml with the SAM translator of the machine image (the one cfn-lint ships) and prints the plain
CloudFormation template as JSON, or the translator's errors on stderr with exit 1.

  sam-translate.py TEMPLATE [Name=Value ...]    parameter values for the translation (defaults otherwise)

CodeUri "." (built by `sam build`) is replaced by an S3 location, as `sam package` would do.
"""
import json
import os
import sys


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    import cfnlint.decode
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.translator.transform import transform

    template, matches = cfnlint.decode.decode(argv[1])
    if matches or template is None:
        for match in matches:
            print(match, file=sys.stderr)
        return 1
    template.setdefault("Globals", {}).setdefault("Function", {})["CodeUri"] = "s3://instanton-remediate-artifacts/bootstrap.zip"
    parameters = dict(item.split("=", 1) for item in argv[2:])

    class NoManagedPolicies:
        def load(self):
            return {}

    try:
        output = transform(template, parameters, NoManagedPolicies())
    except InvalidDocumentException as error:
        for cause in error.causes:
            print(cause.message, file=sys.stderr)
        return 1
    json.dump(output, sys.stdout, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
