#!/bin/sh
# Stand-in registry push: records the pushed image.
set -e
mkdir -p .state
echo "$1 $2" >> .state/registry
echo "pushed $1 ($2)"
