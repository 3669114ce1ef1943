#!/usr/bin/env bash
# Prints a new API token for a running Lantian: bench/token.sh [URL] [USER] [PASSWORD]
set -euo pipefail
url=${1:-http://localhost:8080}; user=${2:-city}; password=${3:-lantian2023}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
token=$(curl -s -c "$jar" -b "$jar" "$url/login" | csrf)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$user" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$token" "$url/login"
token=$(curl -s -c "$jar" -b "$jar" "$url/" | csrf)
curl -s -b "$jar" -H "X-CSRF-TOKEN: $token" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$url/api/tokens" \
  | grep -o 'lt_[A-Za-z0-9_-]*'
