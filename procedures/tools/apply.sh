#!/bin/sh
# Stand-in rollout: records what runs where.
set -e
environment=$1 image=$2 replicas=$3
mkdir -p .state
echo "$image x$replicas" > ".state/deployed-$environment"
echo "rolled out $image to $environment ($replicas replicas)"
