#!/bin/sh
# Stand-in health check: healthy when something is deployed in the environment.
if [ -s ".state/deployed-$2" ]; then
  echo healthy
else
  echo "nothing deployed in $2" >&2
  echo unhealthy
  exit 1
fi
