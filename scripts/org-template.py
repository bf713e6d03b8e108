#!/usr/bin/env python3
"""Expand template.yaml (SAM) into plain CloudFormation for a service-managed StackSet.

Usage: org-template.py TEMPLATE OUTPUT.json

Service-managed StackSets reject templates with macros/transforms, so the SAM transform is run here, offline, with
the SAM translator cfn-lint ships (samtranslator): every AWS::Serverless::* resource becomes plain CloudFormation
and the Transform line goes. The functions' local CodeUri becomes two parameters, CodeS3Bucket and CodeS3Key (the
bootstrap.zip every account's stack instance fetches; share the bucket with the organisation, docs/deploy-org.md).
No AWS call is made: the template grants through its own roles, so no managed-policy lookup is needed.
"""
import copy
import json
import os
import re
import sys

import cfnlint.decode
from samtranslator.translator.transform import transform

CODE_PARAMETERS = {
    "CodeS3Bucket": {
        "Type": "String",
        "AllowedPattern": "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
        "Description": "S3 bucket holding bootstrap.zip (make publish), readable by every target account's CloudFormation "
                       "(e.g. a bucket policy with aws:PrincipalOrgID). In the stack instance's Region.",
    },
    "CodeS3Key": {
        "Type": "String",
        "Default": "instanton-remediate/bootstrap.zip",
        "AllowedPattern": "^[A-Za-z0-9!_.*'()/-]{1,1024}$",
        "Description": "S3 key of bootstrap.zip; give each release its own key so stack updates replace the code.",
    },
}


class NoManagedPolicies:
    """The template names no SAM managed policies; fail loudly if that ever changes instead of calling IAM."""

    def load(self):
        raise RuntimeError("template.yaml uses SAM managed policy names; org-template.py cannot resolve them offline")


def expand(template):
    template = copy.deepcopy(template)
    code = {"Bucket": {"Ref": "CodeS3Bucket"}, "Key": {"Ref": "CodeS3Key"}}
    globals_function = template.get("Globals", {}).get("Function", {})
    if "CodeUri" in globals_function:
        globals_function["CodeUri"] = code
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::Function":
            properties = resource.setdefault("Properties", {})
            if "CodeUri" in properties or "CodeUri" not in globals_function:
                properties["CodeUri"] = code
            # BuildMethod is for `sam build` only.
            resource.pop("Metadata", None)
    parameters = template.setdefault("Parameters", {})
    for name, definition in CODE_PARAMETERS.items():
        if name in parameters:
            raise SystemExit(f"template.yaml already has a parameter {name}")
        parameters[name] = definition
    interface = template.get("Metadata", {}).get("AWS::CloudFormation::Interface")
    if interface is not None:
        interface.setdefault("ParameterGroups", []).append(
            {"Label": {"default": "Code location (organisation deployment)"}, "Parameters": list(CODE_PARAMETERS)})

    # The translator wants a Region for pseudo parameters; it only shapes partition-specific literals, which the
    # check below rules out (the output must stay Region-neutral for a StackSet).
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    output = transform(template, {}, NoManagedPolicies())
    output.pop("Transform", None)
    text = json.dumps(output)
    if re.search(r"\b(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d\b", text):
        raise SystemExit("the expanded template names a Region literally; it must stay Region-neutral")
    leftovers = sorted({r.get("Type") for r in output.get("Resources", {}).values() if str(r.get("Type", "")).startswith("AWS::Serverless::")})
    if leftovers:
        raise SystemExit(f"SAM resources left after the transform: {leftovers}")
    description = output.get("Description", "")
    output["Description"] = (description + " Expanded from the SAM template for StackSets (make org-template).").strip()
    return output


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    template, matches = cfnlint.decode.decode(argv[1])
    if matches or template is None:
        for match in matches:
            print(f"{argv[1]}: {match}", file=sys.stderr)
        return 1
    output = expand(template)
    with open(argv[2], "w", encoding="utf-8") as handle:
        json.dump(output, handle, indent=1, sort_keys=False)
        handle.write("\n")
    print(f"{argv[2]}: {len(output['Resources'])} resources, {len(output['Parameters'])} parameters, no Transform")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
