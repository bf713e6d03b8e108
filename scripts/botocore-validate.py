#!/usr/bin/env python3
"""Validate hand-built AWS HTTP requests and canned responses against botocore's service models.

Usage: botocore-validate.py INPUT.json  (or - for stdin)

INPUT is either a JSON list of captured requests, or an object {"requests": [...], "responses": [...]}.

  request:  {"service": "eks", "method": "GET", "path": "/clusters/a/node-groups", "query": "maxResults=5",
             "headers": {"Content-Type": "..."}, "body": "..."}
  response: {"service": "eks", "operation": "DescribeNodegroup", "status": 200, "headers": {...}, "body": "..."}

Each request is mapped back to its operation (method + requestUri template for rest-json, X-Amz-Target for
json, Action for query and ec2), its input parameters are rebuilt (uri labels, querystring, headers, body members or
form fields; ec2 forms with botocore's EC2Serializer names: always-flattened lists, capitalised locationNames) and checked with botocore.validate.ParamValidator plus the checks ParamValidator leaves out
(enum values, max lengths and ranges, patterns, unknown query/form keys, content type, protocol version).
Each response body is checked against the operation's output shape (member names, types, enums), and error
responses against the model's error shapes. Prints one JSON report on stdout; exit 0 when everything is valid,
1 when something is not, 2 on bad input.
"""

import json
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import botocore
import botocore.session
from botocore.validate import ParamValidator

# Errors any AWS service may return without listing them per operation (botocore's common codes).
COMMON_ERRORS = {
    "ThrottlingException", "Throttling", "Throttled", "TooManyRequestsException", "RequestLimitExceeded",
    "ServiceUnavailable", "ServiceUnavailableException", "InternalFailure", "InternalServerError",
    "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
    "IncompleteSignature", "MissingAuthenticationToken", "RequestTimeout", "RequestTimeoutException",
    "ValidationException", "InvalidClientTokenId", "OptInRequired",
}

# EC2's model lists no error shapes; these are the codes every EC2 action may return ("Error codes for the Amazon
# EC2 API": common client error codes, and the server codes InternalError and Unavailable).
EC2_COMMON_ERRORS = {
    "AuthFailure", "Blocked", "DryRunOperation", "IdempotentParameterMismatch", "IncompleteSignature",
    "InvalidAction", "InvalidParameter", "InvalidParameterCombination", "InvalidParameterValue",
    "InvalidQueryParameter", "MissingParameter", "UnauthorizedOperation", "UnknownParameter", "RequestExpired",
    "InternalError", "Unavailable",
}

_session = botocore.session.get_session()
_models = {}


def model(service):
    if service not in _models:
        _models[service] = _session.get_service_model(service)
    return _models[service]


# ---------------------------------------------------------------------------------------------- requests


def header(headers, name):
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def template_regex(template):
    """requestUri path template -> (regex, literal segment count)."""
    path = template.split("?", 1)[0]
    parts = []
    literal = 0
    for segment in path.strip("/").split("/"):
        match = re.fullmatch(r"\{([^}+]+)(\+?)\}", segment)
        if match:
            pattern = "(?P<%s>.+)" if match.group(2) else "(?P<%s>[^/]+)"
            parts.append(pattern % re.sub(r"\W", "_", match.group(1)))
        else:
            parts.append(re.escape(segment))
            literal += 1
    return re.compile("^/" + "/".join(parts) + "/?$"), literal


def label_names(template):
    return {re.sub(r"\W", "_", name): name for name, _ in re.findall(r"\{([^}+]+)(\+?)\}", template.split("?", 1)[0])}


def match_rest_operation(service_model, method, path):
    best = None
    for name in service_model.operation_names:
        op = service_model.operation_model(name)
        if op.http.get("method", "").upper() != method.upper():
            continue
        regex, literal = template_regex(op.http["requestUri"])
        found = regex.match(path)
        if found and (best is None or literal > best[2]):
            best = (op, found, literal)
    return best


def coerce_scalar(shape, raw, errors, where):
    kind = shape.type_name
    if kind in ("integer", "long"):
        try:
            return int(raw)
        except ValueError:
            errors.append(f"{where}: '{raw}' is not an integer")
            return raw
    if kind == "boolean":
        if raw in ("true", "false"):
            return raw == "true"
        errors.append(f"{where}: '{raw}' is not a boolean")
        return raw
    if kind in ("double", "float"):
        try:
            return float(raw)
        except ValueError:
            errors.append(f"{where}: '{raw}' is not a number")
            return raw
    return raw


def rest_json_params(op, found, query, headers, body, errors):
    shape = op.input_shape
    params = {}
    labels = label_names(op.http["requestUri"])
    by_location = {}
    for member_name, member in (shape.members.items() if shape else []):
        location = member.serialization.get("location")
        by_location.setdefault(location, {})[member.serialization.get("name", member_name)] = (member_name, member)

    for group, value in found.groupdict().items():
        location_name = labels[group]
        entry = by_location.get("uri", {}).get(location_name)
        if entry is None:
            errors.append(f"uri label {location_name} has no member")
            continue
        decoded = urllib.parse.unquote(value)
        if decoded == "":
            errors.append(f"uri label {location_name} is empty")
        params[entry[0]] = coerce_scalar(entry[1], decoded, errors, f"uri {location_name}")

    for key, values in urllib.parse.parse_qs(query or "", keep_blank_values=True).items():
        entry = by_location.get("querystring", {}).get(key)
        if entry is None:
            errors.append(f"query parameter '{key}' is not in the model")
            continue
        member_name, member = entry
        if member.type_name == "list":
            params[member_name] = [coerce_scalar(member.member, v, errors, f"query {key}") for v in values]
        else:
            if len(values) > 1:
                errors.append(f"query parameter '{key}' repeated")
            params[member_name] = coerce_scalar(member, values[0], errors, f"query {key}")

    for location_name, (member_name, member) in by_location.get("header", {}).items():
        value = header(headers, location_name)
        if value is not None:
            params[member_name] = coerce_scalar(member, value, errors, f"header {location_name}")

    body_members = by_location.get(None, {})
    if body:
        content_type = header(headers, "Content-Type")
        if content_type != "application/json":
            errors.append(f"rest-json body sent with Content-Type '{content_type}', expected application/json")
        try:
            document = json.loads(body)
        except ValueError as e:
            errors.append(f"body is not JSON: {e}")
            document = {}
        if not isinstance(document, dict):
            errors.append("body is not a JSON object")
            document = {}
        json_names = {m.serialization.get("name", n): n for n, m in ((n, m) for _, (n, m) in body_members.items())}
        for key, value in document.items():
            if key in json_names:
                params[json_names[key]] = value
            elif key in params:
                errors.append(f"body member '{key}' duplicates a uri/query member")
            else:
                params[key] = value  # ParamValidator reports the unknown member
    return params


def flat_form_value(shape, prefix, form, used, errors):
    """Rebuild a query-protocol value from flattened form keys starting with prefix."""
    kind = shape.type_name
    if kind == "structure":
        result = {}
        for member_name, member in shape.members.items():
            key = f"{prefix}.{member.serialization.get('name', member_name)}" if prefix else member.serialization.get("name", member_name)
            value = flat_form_value(member, key, form, used, errors)
            if value is not None:
                result[member_name] = value
        return result if result or not prefix else None
    if kind == "list":
        flattened = shape.serialization.get("flattened")
        item_prefix = prefix if flattened else f"{prefix}.member"
        items = []
        index = 1
        while any(k == f"{item_prefix}.{index}" or k.startswith(f"{item_prefix}.{index}.") for k in form):
            items.append(flat_form_value(shape.member, f"{item_prefix}.{index}", form, used, errors))
            index += 1
        return items if items else None
    if kind == "map":
        flattened = shape.serialization.get("flattened")
        entry_prefix = prefix if flattened else f"{prefix}.entry"
        key_name = shape.key.serialization.get("name", "key")
        value_name = shape.value.serialization.get("name", "value")
        result = {}
        index = 1
        while any(k.startswith(f"{entry_prefix}.{index}.") for k in form):
            key = flat_form_value(shape.key, f"{entry_prefix}.{index}.{key_name}", form, used, errors)
            value = flat_form_value(shape.value, f"{entry_prefix}.{index}.{value_name}", form, used, errors)
            if key is None:
                errors.append(f"{entry_prefix}.{index} has no {key_name}")
            else:
                result[key] = value
            index += 1
        return result if result else None
    if prefix in form:
        used.add(prefix)
        return coerce_scalar(shape, form[prefix], errors, prefix)
    return None


def ec2_name(shape, default_name):
    """botocore EC2Serializer._get_serialized_name: queryName, else the locationName capitalised, else the member name."""
    if "queryName" in shape.serialization:
        return shape.serialization["queryName"]
    if "name" in shape.serialization:
        name = shape.serialization["name"]
        return name[0].upper() + name[1:]
    return default_name


def ec2_form_value(shape, prefix, form, used, errors):
    """Rebuild an ec2-protocol value: structure members under their EC2 names, every list flattened (prefix.N)."""
    kind = shape.type_name
    if kind == "structure":
        result = {}
        for member_name, member in shape.members.items():
            name = ec2_name(member, member_name)
            value = ec2_form_value(member, f"{prefix}.{name}" if prefix else name, form, used, errors)
            if value is not None:
                result[member_name] = value
        return result if result or not prefix else None
    if kind == "list":
        items = []
        index = 1
        while any(k == f"{prefix}.{index}" or k.startswith(f"{prefix}.{index}.") for k in form):
            items.append(ec2_form_value(shape.member, f"{prefix}.{index}", form, used, errors))
            index += 1
        return items if items else None
    if kind == "map":
        errors.append(f"{prefix}: map members are not serialized by the ec2 protocol")
        return None
    if prefix in form:
        used.add(prefix)
        return coerce_scalar(shape, form[prefix], errors, prefix)
    return None


def query_params(service_model, headers, body, errors, rebuild=flat_form_value):
    content_type = header(headers, "Content-Type") or ""
    if not content_type.startswith("application/x-www-form-urlencoded"):
        errors.append(f"query body sent with Content-Type '{content_type}'")
    pairs = urllib.parse.parse_qsl(body or "", keep_blank_values=True, strict_parsing=False)
    form = {}
    for key, value in pairs:
        if key in form:
            errors.append(f"form field '{key}' repeated")
        form[key] = value
    action = form.pop("Action", None)
    version = form.pop("Version", None)
    if action not in service_model.operation_names:
        errors.append(f"Action '{action}' is not an operation of {service_model.service_name}")
        return None, {}
    if version != service_model.api_version:
        errors.append(f"Version '{version}' != {service_model.api_version}")
    op = service_model.operation_model(action)
    used = set()
    params = rebuild(op.input_shape, "", form, used, errors) if op.input_shape else {}
    for key in sorted(set(form) - used):
        errors.append(f"form field '{key}' is not in the model")
    return op, params or {}


def json_params(service_model, headers, body, errors):
    target = header(headers, "X-Amz-Target") or ""
    prefix = service_model.metadata.get("targetPrefix", "")
    if not target.startswith(prefix + "."):
        errors.append(f"X-Amz-Target '{target}' does not start with {prefix}.")
        return None, {}
    name = target[len(prefix) + 1:]
    if name not in service_model.operation_names:
        errors.append(f"X-Amz-Target operation '{name}' is not in the model")
        return None, {}
    expected = "application/x-amz-json-" + service_model.metadata.get("jsonVersion", "1.0")
    if header(headers, "Content-Type") != expected:
        errors.append(f"Content-Type '{header(headers, 'Content-Type')}' != {expected}")
    try:
        params = json.loads(body or "{}")
    except ValueError as e:
        errors.append(f"body is not JSON: {e}")
        params = {}
    return service_model.operation_model(name), params


def check_constraints(shape, value, path, errors):
    """What ParamValidator does not check: enums, max lengths/ranges, patterns."""
    if shape is None or value is None:
        return
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure" and isinstance(value, dict):
        for key, item in value.items():
            if key in shape.members:
                check_constraints(shape.members[key], item, f"{path}.{key}", errors)
        return
    if kind == "list" and isinstance(value, list):
        if "max" in meta and len(value) > meta["max"]:
            errors.append(f"{path}: {len(value)} items > max {meta['max']}")
        for i, item in enumerate(value):
            check_constraints(shape.member, item, f"{path}[{i}]", errors)
        return
    if kind == "map" and isinstance(value, dict):
        if "max" in meta and len(value) > meta["max"]:
            errors.append(f"{path}: {len(value)} entries > max {meta['max']}")
        for key, item in value.items():
            check_constraints(shape.key, key, f"{path} key", errors)
            check_constraints(shape.value, item, f"{path}[{key}]", errors)
        return
    if kind == "string" and isinstance(value, str):
        if shape.enum and value not in shape.enum:
            errors.append(f"{path}: '{value}' not in enum {shape.name} {list(shape.enum)}")
        if "max" in meta and len(value) > meta["max"]:
            errors.append(f"{path}: length {len(value)} > max {meta['max']}")
        pattern = meta.get("pattern")
        if pattern:
            try:
                compiled = re.compile(pattern)
            except re.error:
                compiled = None
            if compiled is not None and not compiled.search(value):
                errors.append(f"{path}: '{value}' does not match pattern {pattern}")
        return
    if kind in ("integer", "long", "double", "float") and isinstance(value, (int, float)) and not isinstance(value, bool):
        if "max" in meta and value > meta["max"]:
            errors.append(f"{path}: {value} > max {meta['max']}")


def validate_request(item):
    errors = []
    service = item.get("service")
    try:
        service_model = model(service)
    except Exception as e:  # unknown service name
        return {"operation": None, "errors": [f"unknown service '{service}': {e}"]}
    protocol = service_model.metadata["protocol"]
    headers = item.get("headers") or {}
    body = item.get("body") or ""
    op = None
    params = {}
    if protocol == "rest-json":
        path = item.get("path", "")
        matched = match_rest_operation(service_model, item.get("method", "GET"), path)
        if matched is None:
            errors.append(f"no {service} operation for {item.get('method')} {path}")
        else:
            op, found, _ = matched
            params = rest_json_params(op, found, item.get("query", ""), headers, body, errors)
    elif protocol == "json":
        if item.get("method", "POST").upper() != "POST" or item.get("path", "/") != "/":
            errors.append("json protocol requests are POST /")
        op, params = json_params(service_model, headers, body, errors)
    elif protocol in ("query", "ec2"):
        if item.get("method", "POST").upper() != "POST" or item.get("path", "/") != "/":
            errors.append(f"{protocol} protocol requests are POST / with a form body")
        op, params = query_params(service_model, headers, body, errors, ec2_form_value if protocol == "ec2" else flat_form_value)
    else:
        errors.append(f"protocol {protocol} not supported")

    if op is not None and op.input_shape is not None:
        report = ParamValidator().validate(params, op.input_shape)
        if report.has_errors():
            errors.extend(line.strip() for line in report.generate_report().splitlines() if line.strip())
        check_constraints(op.input_shape, params, "input", errors)
    return {"operation": op.name if op else None, "params": params, "errors": errors}


# --------------------------------------------------------------------------------------------- responses


def check_output(shape, value, path, errors, by_member=False):
    """by_member: value's keys are member names (rebuilt from XML), not wire names (JSON)."""
    kind = shape.type_name
    if value is None:
        return
    if kind == "structure":
        if not isinstance(value, dict):
            errors.append(f"{path}: expected object, got {type(value).__name__}")
            return
        names = {(n if by_member else m.serialization.get("name", n)): (n, m) for n, m in shape.members.items()
                 if m.serialization.get("location") not in ("header", "headers", "statusCode")}
        for key, item in value.items():
            if key not in names:
                errors.append(f"{path}.{key}: not a member of {shape.name}")
            else:
                check_output(names[key][1], item, f"{path}.{key}", errors, by_member)
    elif kind == "list":
        if not isinstance(value, list):
            errors.append(f"{path}: expected list, got {type(value).__name__}")
            return
        for i, item in enumerate(value):
            check_output(shape.member, item, f"{path}[{i}]", errors, by_member)
    elif kind == "map":
        if not isinstance(value, dict):
            errors.append(f"{path}: expected map, got {type(value).__name__}")
            return
        for key, item in value.items():
            check_output(shape.value, item, f"{path}[{key}]", errors, by_member)
    elif kind == "string":
        if not isinstance(value, str):
            errors.append(f"{path}: expected string, got {type(value).__name__}")
        elif shape.enum and value not in shape.enum:
            errors.append(f"{path}: '{value}' not in enum {shape.name}")
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            errors.append(f"{path}: expected integer, got {value!r}")
    elif kind in ("double", "float"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            errors.append(f"{path}: expected number, got {value!r}")
    elif kind == "boolean":
        if not isinstance(value, bool):
            errors.append(f"{path}: expected boolean, got {value!r}")
    elif kind == "timestamp":
        if not isinstance(value, (int, float, str)) or isinstance(value, bool):
            errors.append(f"{path}: expected timestamp, got {value!r}")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def xml_to_value(shape, element, path, errors):
    kind = shape.type_name
    if kind == "structure":
        result = {}
        members = {m.serialization.get("name", n): (n, m) for n, m in shape.members.items()}
        for child in element:
            name = local(child.tag)
            if name not in members:
                errors.append(f"{path}.{name}: not a member of {shape.name}")
                continue
            member_name, member = members[name]
            result[member_name] = xml_to_value(member, child, f"{path}.{name}", errors)
        return result
    if kind == "list":
        return [xml_to_value(shape.member, child, f"{path}[{i}]", errors) for i, child in enumerate(element)]
    if kind == "map":
        result = {}
        for entry in element:
            key = value = None
            for part in entry:
                if local(part.tag) == shape.key.serialization.get("name", "key"):
                    key = part.text
                elif local(part.tag) == shape.value.serialization.get("name", "value"):
                    value = xml_to_value(shape.value, part, f"{path}[{key}]", errors)
            result[key] = value
        return result
    text = element.text or ""
    if kind in ("integer", "long"):
        try:
            return int(text)
        except ValueError:
            errors.append(f"{path}: '{text}' is not an integer")
    elif kind == "boolean":
        if text not in ("true", "false"):
            errors.append(f"{path}: '{text}' is not a boolean")
        return text == "true"
    elif kind == "string" and shape.enum and text not in shape.enum:
        errors.append(f"{path}: '{text}' not in enum {shape.name}")
    return text


def error_code_of(protocol, headers, body):
    if protocol in ("rest-json", "json"):
        code = header(headers, "x-amzn-ErrorType")
        if code:
            code = code.split(":", 1)[0]
        message = None
        try:
            document = json.loads(body) if body else {}
        except ValueError:
            document = {}
        if isinstance(document, dict):
            code = code or document.get("code") or document.get("Code") or document.get("__type")
            message = document.get("message") or document.get("Message")
        return (code.rsplit("#", 1)[-1] if code else None), message
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return None, None
    error = root if local(root.tag) == "Error" else next((c for c in root.iter() if local(c.tag) == "Error"), None)
    if error is None:
        return None, None
    values = {local(c.tag): c.text for c in error}
    return values.get("Code"), values.get("Message")


def ec2_error_layout(body):
    """EC2 errors are <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as e:
        return [f"body is not XML: {e}"]
    problems = []
    if local(root.tag) != "Response":
        problems.append(f"EC2 error root element is {local(root.tag)}, not Response")
    errors = next((c for c in root if local(c.tag) == "Errors"), None)
    if errors is None or not any(local(c.tag) == "Error" for c in errors):
        problems.append("EC2 error without Response/Errors/Error")
    if not any(local(c.tag) == "RequestID" for c in root):
        problems.append("EC2 error without Response/RequestID")
    return problems


def validate_response(item):
    errors = []
    service_model = model(item["service"])
    protocol = service_model.metadata["protocol"]
    op_name = item.get("operation")
    if op_name not in service_model.operation_names:
        return {"operation": op_name, "errors": [f"operation '{op_name}' is not in the model"]}
    op = service_model.operation_model(op_name)
    status = int(item.get("status", 200))
    body = item.get("body") or ""
    headers = item.get("headers") or {}

    if status >= 300:
        code, message = error_code_of(protocol, headers, body)
        if not code:
            errors.append("error response without an error code")
        else:
            shapes = {s.error_code: s for s in op.error_shapes}
            all_errors = {s.error_code: s for s in service_model.error_shapes}
            shape = shapes.get(code) or all_errors.get(code)
            if shape is None and code not in COMMON_ERRORS and not (protocol == "ec2" and code in EC2_COMMON_ERRORS):
                errors.append(f"error code '{code}' is neither modeled for {service_model.service_name} nor a common AWS error")
            if shape is not None:
                modeled_status = shape.metadata.get("error", {}).get("httpStatusCode")
                if modeled_status and modeled_status != status:
                    errors.append(f"{code} is modeled with HTTP {modeled_status}, response has {status}")
        if message is None:
            errors.append("error response without a message")
        if protocol == "ec2":
            errors.extend(ec2_error_layout(body))
        return {"operation": op_name, "error": code, "errors": errors}

    shape = op.output_shape
    if shape is None:
        return {"operation": op_name, "errors": errors}
    if protocol in ("rest-json", "json"):
        try:
            document = json.loads(body) if body else {}
        except ValueError as e:
            return {"operation": op_name, "errors": [f"body is not JSON: {e}"]}
        check_output(shape, document, op_name + "Response", errors)
    else:
        try:
            root = ET.fromstring(body)
        except ET.ParseError as e:
            return {"operation": op_name, "errors": [f"body is not XML: {e}"]}
        if local(root.tag) != op_name + "Response":
            errors.append(f"root element {local(root.tag)} != {op_name}Response")
        namespace = (service_model.metadata.get("xmlNamespace") or "").rstrip("/")
        if namespace and root.tag.split("}", 1)[0].lstrip("{").rstrip("/") != namespace:
            errors.append(f"root element namespace is not {namespace}")
        if protocol == "ec2":
            # No result wrapper: the output members and requestId sit directly under <Op>Response.
            result = ET.Element(root.tag)
            result.extend(c for c in root if local(c.tag) != "requestId")
            value = xml_to_value(shape, result, op_name, errors)
            check_output(shape, value, op_name, errors, by_member=True)
            return {"operation": op_name, "errors": errors}
        wrapper = shape.serialization.get("resultWrapper")
        result = next((c for c in root if local(c.tag) == wrapper), None) if wrapper else root
        if result is None:
            errors.append(f"no {wrapper} element")
        else:
            value = xml_to_value(shape, result, wrapper or op_name, errors)
            check_output(shape, value, wrapper or op_name, errors, by_member=True)
        for child in root:
            if local(child.tag) not in (wrapper, "ResponseMetadata"):
                errors.append(f"unexpected element {local(child.tag)} under {local(root.tag)}")
    return {"operation": op_name, "errors": errors}


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        text = sys.stdin.read() if argv[1] == "-" else open(argv[1], encoding="utf-8").read()
        document = json.loads(text)
    except (OSError, ValueError) as e:
        print(f"cannot read {argv[1]}: {e}", file=sys.stderr)
        return 2
    if isinstance(document, list):
        document = {"requests": document}
    report = {"botocore": botocore.__version__, "requests": [], "responses": []}
    for index, item in enumerate(document.get("requests", [])):
        result = validate_request(item)
        result["index"] = index
        result.pop("params", None) if not result["errors"] else None
        report["requests"].append(result)
    for index, item in enumerate(document.get("responses", [])):
        result = validate_response(item)
        result["index"] = index
        report["responses"].append(result)
    report["ok"] = all(not r["errors"] for r in report["requests"] + report["responses"])
    json.dump(report, sys.stdout, indent=1, default=str)
    sys.stdout.write("\n")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
