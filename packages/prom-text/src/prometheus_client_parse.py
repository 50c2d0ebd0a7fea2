"""Parses each document of a JSON list (stdin) with prometheus_client's text parser and prints,
per document, its flat series or the parser's error, as JSON (the differential test's reference).
Floats are printed with repr (shortest round-trip digits), specials as NaN/+Inf/-Inf."""
import json
import math
import re
import sys

from prometheus_client.parser import text_string_to_metric_families


def spell(value):
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return repr(float(value))


def counters_without_total(text):
    """The client renames the samples of a counter TYPE'd without `_total` to `<name>_total`
    (its OpenMetrics munging); the text and Prometheus keep the name: undone below."""
    names = re.findall(r"^[ \t]*#[ \t]*TYPE[ \t]+(\S+)[ \t]+counter[ \t]*$", text, re.M)
    return {name + "_total": name for name in names if not name.endswith("_total")}


def parse(text):
    try:
        series = []
        renamed = counters_without_total(text)
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                name = renamed.get(sample.name, sample.name) if family.type == "counter" else sample.name
                timestamp = None if sample.timestamp is None else repr(float(sample.timestamp))
                series.append([name, sample.labels, spell(sample.value), timestamp, family.documentation])
        return {"ok": True, "series": series}
    except Exception as error:  # the parser raises ValueError (and others) on a bad line
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}


json.dump([parse(text) for text in json.load(sys.stdin)], sys.stdout)
