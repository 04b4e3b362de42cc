"""The OpenAPI document against the app, by schemathesis, in-process (WSGI,
no network): generated requests for every operation; no 5xx, and every
response's status, content type, headers and body conform to the document."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]


#: generated cases per operation: keeps the run in seconds, not minutes
EXAMPLES = 25


@pytest.fixture(scope="module")
def api_schema(seed_app):  # type: ignore[no-untyped-def]
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", seed_app)


# (Hypothesis directly over each operation's strategy: schemathesis's pytest
# plugin reads ``Function._nodeid``, which pytest 9 no longer has.)
def test_api_conforms_to_its_openapi_document(api_schema) -> None:  # type: ignore[no-untyped-def]
    operations = [r.ok() for r in api_schema.get_all_operations()]
    # every operation but the document itself (schemathesis leaves its own location out)
    assert len(operations) == 7
    statuses: dict[str, set[int]] = {}
    calls: list[int] = []
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call_and_validate(checks=CHECKS)
            statuses.setdefault(case.operation.label, set()).add(response.status_code)
            calls.append(response.status_code)

        run()
    # the generated requests reached both the documents and the 400 problems
    assert all(200 in codes for codes in statuses.values()), statuses
    assert any(400 in codes for codes in statuses.values()), statuses
    print(f"schemathesis: {len(operations)} operations, {len(calls)} cases,",
          {k: sorted(v) for k, v in statuses.items()})


def test_the_document_is_openapi_3_1(api) -> None:  # type: ignore[no-untyped-def]
    from openapi_spec_validator import OpenAPIV31SpecValidator

    doc = api.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"] == "3.1.0"
    errors = [e.message for e in OpenAPIV31SpecValidator(doc).iter_errors()]
    assert not errors
    ops = {(path, m) for path, item in doc["paths"].items() for m in item}
    assert len(ops) == 8 and all(m == "get" for _p, m in ops)
    for item in doc["paths"].values():
        for code, resp in item["get"]["responses"].items():
            if code != "304":
                (media,) = resp["content"]
                assert media == ("application/problem+json" if code[0] == "4" else "application/json")
