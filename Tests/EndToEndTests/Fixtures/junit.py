"""Reads a JUnit XML report with junitparser, as a CI system would, and prints what it found as JSON."""
import json
import sys

from junitparser import JUnitXml, TestCase, TestSuite


def suite(element):
    cases = []
    for case in element.iterchildren(TestCase):
        results = [{"kind": type(r).__name__, "message": r.message, "text": r.text} for r in case.result]
        cases.append({"name": case.name, "classname": case.classname, "time": case.time, "results": results})
    return {
        "name": element.name, "tests": element.tests, "failures": element.failures, "errors": element.errors,
        "skipped": element.skipped, "time": element.time, "cases": cases,
        "suites": [suite(inner) for inner in element.testsuites()],
    }


xml = JUnitXml.fromfile(sys.argv[1])
suites = [xml] if isinstance(xml, TestSuite) else list(xml)
print(json.dumps({"tests": xml.tests, "failures": xml.failures, "skipped": xml.skipped, "suites": [suite(s) for s in suites]}))
