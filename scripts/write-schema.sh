#!/usr/bin/env bash
# Writes schema/*.schema.json from what `procrun schema` prints: the schemas of
# Sources/ProcrunText/Schema/JSONSchema+Text.swift and JSONSchema+ShowSkeleton.swift with each built-in action's part written from its
# declaration (Sources/ProcrunLanguage/Language/Actions). JSONSchemaTests fails when the files differ
# from what procrun prints: run this after changing a schema or an action's declaration.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product procrun
binary="$(swift build --show-bin-path)/procrun"
for kind in procedure library show; do
    "$binary" schema "$kind" > "schema/$kind.schema.json.tmp"
    mv "schema/$kind.schema.json.tmp" "schema/$kind.schema.json"
done
