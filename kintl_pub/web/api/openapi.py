"""The OpenAPI 3.1 document of ``/api/v1/``, written as data: every
operation, parameter and response (errors too) with its JSON Schema.  The
test suite runs schemathesis against it, so it cannot drift from the
responses (``tests/api/test_schemathesis.py``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from ... import locales
from ...render.api import UNRATED
from ...render.search import MAX_FILTER_VALUE
from ...render.shown import ACHIEVEMENT_VALUES, CONTRIBUTION_VALUES
from ...search.query import MAX_QUERY
from ...store.models import STATES, DisplayState
from .params import MAX_LIMIT, MAX_NUMBER, MAX_PAGE

S = dict[str, Any]
CODES = [loc.code for loc in locales.LOCALES]


def ref(name: str) -> S:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(props: S, *, optional: tuple[str, ...] = ()) -> S:
    """A closed object: every property required unless named optional."""
    return {"type": "object", "properties": props,
            "required": [k for k in props if k not in optional], "additionalProperties": False}


def nullable(schema: S) -> S:
    return {"anyOf": [schema, {"type": "null"}]}


def array(items: S) -> S:
    return {"type": "array", "items": items}


STR, INT, BOOL = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
LANG = {"type": "string", "enum": CODES}
TEXT = ref("Text")
NTEXT = nullable(TEXT)
STATE_PROPS: S = {str(s): INT for s in STATES}
COUNTS_BY_STATE: S = {"type": "object", "properties": STATE_PROPS, "additionalProperties": False}


def _schemas() -> S:
    node = obj({"number": INT, "anchor": STR, "prefix": STR, "title": NTEXT})
    return {
        "Text": obj({
            "text": {"type": "string", "description": "What the reader is shown (plain text)."},
            "state": {"type": "string", "enum": [str(s) for s in DisplayState]},
            "lang": {**LANG, "description": "The language actually shown (a fallback says which)."},
            "source": {"type": "string", "description": "The Japanese source."},
        }),
        "Links": obj({"self": STR, "html": STR, "pdf": STR, "embed": STR}),
        "PageLinks": obj({"self": STR, "next": nullable(STR), "prev": nullable(STR)}),
        "Counts": obj({
            "programs": INT,
            "achievement": obj({**{str(v): INT for v in ACHIEVEMENT_VALUES}, UNRATED: INT}),
            "contribution": obj({**{v: INT for v in CONTRIBUTION_VALUES}, UNRATED: INT}),
        }),
        "Node": node,
        "ListItem": obj({
            "number": INT, "title": TEXT, "policy": node, "direction": node, "focus": node,
            "programs": array(obj({"achievement": nullable(INT), "contribution": nullable(STR),
                                   "ward": NTEXT, "bureau": NTEXT})),
            "links": ref("Links"),
        }),
        "InitiativeList": obj({"lang": LANG, "total": INT, "limit": INT, "offset": INT,
                               "items": array(ref("ListItem")), "links": ref("PageLinks")}),
        "Field": obj({
            "name": {"type": "string", "enum": ["content", "plan", "results", "reason", "future"]},
            "source": STR, "states": array(STR), "fallback_langs": array(LANG),
            "blocks": array(array(obj({"kind": {"type": "string", "enum": ["p", "li"]}, "inline": BOOL,
                                       "items": array(TEXT)}))),
        }),
        "Program": obj({
            "position": INT, "name": NTEXT, "measure_code": nullable(STR), "ward": NTEXT, "bureau": NTEXT,
            "achievement": nullable(INT), "achievement_text": NTEXT,
            "contribution": nullable(STR), "contribution_text": NTEXT, "fields": array(ref("Field")),
        }),
        "Initiative": obj({
            "number": INT, "lang": LANG, "title": TEXT, "has_own_title": BOOL,
            "policy": node, "direction": node, "focus": node, "programs": array(ref("Program")),
            "prev": nullable(INT), "next": nullable(INT),
            "glossary": array(obj({"term": STR, "explanation": STR})), "links": ref("Links"),
        }),
        "Tree": obj({"lang": LANG, "policies": array(obj({
            "number": INT, "anchor": STR, "prefix": STR, "title": NTEXT, "counts": ref("Counts"),
            "directions": array(obj({
                "number": INT, "anchor": STR, "title": NTEXT, "counts": ref("Counts"),
                "focuses": array(obj({
                    "number": INT, "anchor": STR, "prefix": STR, "title": NTEXT,
                    "initiatives": array(obj({"number": INT, "title": TEXT,
                                              "achievements": array(nullable(INT)),
                                              "contributions": array(nullable(STR)), "links": ref("Links")})),
                })),
            })),
        }))}),
        "Locales": obj({"locales": array(obj({
            "code": LANG, "html_lang": STR, "name": STR, "english_name": STR, "script": STR,
            "direction": {"type": "string", "enum": ["ltr", "rtl"]}, "source": BOOL,
            "machine_translation": BOOL, "fallback": array(LANG),
            "coverage": nullable({**COUNTS_BY_STATE, "properties": {"total": INT, **STATE_PROPS},
                                  "required": ["total", *(str(s) for s in STATES)]}),
            "links": obj({"tree": STR, "html": STR, "feed": STR}),
        }))}),
        "Search": obj({
            "lang": LANG, "q": STR, "terms": array(STR), "total": INT, "page": INT, "pages": INT,
            "results": array(obj({
                "number": INT, "title": TEXT,
                "snippets": array(obj({"field": STR, "lang": LANG, "text": STR,
                                       "marks": array({"type": "array", "items": INT, "minItems": 2, "maxItems": 2})})),
                "links": ref("Links"),
            })),
            "links": ref("PageLinks"),
        }),
        "Changes": obj({
            "lang": LANG, "since": {"type": "string", "format": "date-time"},
            "updated": nullable({"type": "string", "format": "date-time"}),
            "imports": array(obj({"at": {"type": "string", "format": "date-time"}, "initiatives": INT,
                                  "programs": INT, "changed_fields": INT})),
            "shared_texts": COUNTS_BY_STATE,
            "initiatives": array(obj({
                "number": INT, "title": NTEXT, "removed": BOOL, "updated": {"type": "string", "format": "date-time"},
                "source_fields": array(STR), "translations": COUNTS_BY_STATE,
                "links": {"anyOf": [ref("Links"), {"type": "object", "maxProperties": 0}]},
            })),
        }),
        "Index": obj({"openapi": STR, "operations": {"type": "object", "additionalProperties": STR},
                      "feeds": {"type": "object", "additionalProperties": STR}}),
        "Problem": {
            "type": "object", "description": "RFC 9457 problem details",
            "properties": {"type": STR, "title": STR, "status": INT, "detail": STR,
                           "invalid_params": array(obj({"name": STR, "reason": STR}))},
            "required": ["type", "title", "status", "detail"],
        },
    }


def _param(name: str, schema: S, description: str, *, required: bool = False, where: str = "query") -> S:
    return {"name": name, "in": where, "required": required, "schema": schema, "description": description}


_LANG = _param("lang", {**LANG, "default": locales.SOURCE.code},
               "Locale (URL code). Texts come as shown in it, each with its state and language.")
_FILTERS = [
    _param("policy", {"type": "integer", "minimum": 1, "maximum": 99}, "Policy number (Ⅰ = 1)."),
    _param("direction", {"type": "integer", "minimum": 1, "maximum": 99},
           "Direction number within the policy (needs policy)."),
    _param("focus", {"type": "integer", "minimum": 1, "maximum": 99},
           "Focus area number within the direction (① = 1; needs direction)."),
    _param("bureau", {"type": "string", "maxLength": MAX_FILTER_VALUE}, "Bureau in charge, in Japanese (局名)."),
    _param("ward", {"type": "string", "maxLength": MAX_FILTER_VALUE}, "Ward, in Japanese (e.g. 幸区)."),
    _param("achievement", {"type": "integer", "enum": list(ACHIEVEMENT_VALUES)}, "A program row rated so."),
    _param("contribution", {"type": "string", "enum": list(CONTRIBUTION_VALUES)}, "A program row rated so."),
]
_HEADERS = {
    "ETag": {"required": True, "schema": STR, "description": "Send it back in If-None-Match: 304 when unchanged."},
    "Cache-Control": {"required": True, "schema": STR},
    "Access-Control-Allow-Origin": {"required": True, "schema": {"type": "string", "enum": ["*"]}},
}


def _json(schema: S, description: str) -> S:
    return {"description": description, "headers": _HEADERS,
            "content": {"application/json": {"schema": schema}}}


def _problem(description: str) -> S:
    return {"description": description, "headers": _HEADERS,
            "content": {"application/problem+json": {"schema": ref("Problem")}}}


def _op(op_id: str, summary: str, schema: str, params: list[S], *, not_found: bool = False) -> S:
    responses = {"200": _json(ref(schema), summary),
                 "304": {"description": "Not modified (If-None-Match matched the ETag)."},
                 "400": _problem("A bad parameter (named in invalid_params).")}
    if not_found:
        responses["404"] = _problem("No such initiative.")
    responses["429"] = _problem("Too many requests.")
    return {"get": {"operationId": op_id, "summary": summary, "parameters": params, "responses": responses}}


@cache
def spec() -> S:
    paging = [
        _param("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 20}, "Items per page."),
        _param("offset", {"type": "integer", "minimum": 0, "maximum": 10**6}, "Items to skip (or use page)."),
        _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, "Page number (or use offset)."),
    ]
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Kawasaki City International Policy Plan: progress (kintl-pub)",
            "version": "1.0.0",
            "description": (
                "The progress sheet's initiatives as the public pages show them, in every locale. "
                "Every text is an object with the text shown, its state (source / reviewed / machine / "
                "outdated / fallback), the language actually shown and the Japanese source. "
                "Links are paths on this server. Errors are RFC 9457 problem details."),
        },
        "paths": {
            "/api/v1/": {"get": {"operationId": "index", "summary": "The operations and feeds", "responses": {
                "200": _json(ref("Index"), "Where everything is.")}}},
            "/api/v1/openapi.json": {"get": {"operationId": "openapi", "summary": "This document", "responses": {
                "200": _json({"type": "object"}, "The OpenAPI document.")}}},
            "/api/v1/initiatives": _op("listInitiatives", "Initiatives, filtered and paged", "InitiativeList",
                                       [_LANG, *_FILTERS, *paging]),
            "/api/v1/initiatives/{number}": _op(
                "getInitiative", "One initiative with its program rows and texts", "Initiative",
                [_param("number", {"type": "integer", "minimum": 1, "maximum": MAX_NUMBER},
                        "Initiative number.", required=True, where="path"), _LANG], not_found=True),
            "/api/v1/tree": _op("getTree", "Policies, directions, focus areas and their initiatives", "Tree",
                                [_LANG]),
            "/api/v1/locales": _op("listLocales", "Locales with catalog coverage by state", "Locales", []),
            "/api/v1/search": _op("search", "Search the shown and source texts", "Search", [
                _param("q", {"type": "string", "minLength": 1, "maxLength": MAX_QUERY},
                       "Terms separated by spaces; every term must match.", required=True),
                _LANG, *_FILTERS,
                _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, "Page (20 results each)."),
            ]),
            "/api/v1/changes": _op("listChanges", "What changed since a date", "Changes", [
                _param("since", {"type": "string", "maxLength": 64, "examples": ["2026-12-01",
                                                                                  "2026-12-01T09:00:00+09:00"]},
                       "A date (midnight UTC) or an ISO 8601 date-time.", required=True),
                _LANG,
            ]),
        },
        "components": {"schemas": _schemas()},
    }
