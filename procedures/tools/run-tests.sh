#!/bin/sh
# Stand-in test runner: reports a passing suite.
suite=${1:-all}
echo "running $suite tests"
echo "42 passed, 0 failed ($suite)"
