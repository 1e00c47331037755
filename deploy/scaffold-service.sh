#!/usr/bin/env bash
# Writes the deployment entries of a service already listed in deploy/services.txt (docs/adding-a-service.md), once:
#   deploy/scaffold-service.sh conventions
# From its line (project, database, bus, gateway prefix) and with discipline's entries as the template, it adds what is
# missing of: deploy/k8s/<name>.yaml, kustomization.yaml (resource and image), config.yaml (gateway cluster),
# secret.yaml (<name>-db, <name>-rabbitmq), rabbitmq-users.yaml (BUS_URI_<name>), deploy/docker/postgres-init.sql,
# deploy/docker/Dockerfile (restore line) and docker-compose.yml (x-bus, rabbitmq-users, the service, the gateway's
# cluster and depends_on). An entry already there is left alone, so running it twice changes nothing.
# It does not write what needs a decision: the project, the gateway routes and their policies, the bus permission row,
# the connection budget. Then review `git diff`, and run the test EveryServiceIsDeclaredEverywhere: it names every
# place still missing. Not run by ./ordre, compose or CI: the files it writes are committed as they are.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LIST="$ROOT/deploy/services.txt"
TEMPLATE=discipline

die() { printf 'scaffold-service: %s\n' "$*" >&2; exit 1; }
say() { printf 'scaffold-service: %s\n' "$*"; }

[ $# -eq 1 ] || die "usage: deploy/scaffold-service.sh <name of a line of deploy/services.txt>"
name=$1
read -r _ kind project http grpc database bus gateway < <(awk -v n="$name" '$1 == n' "$LIST") || die "$name has no line in $LIST"
[ "$kind" = service ] || die "$name is a $kind: only services (kind service) are scaffolded"
[ "$grpc" = - ] || die "$name has a gRPC port: write its gRPC endpoint by hand, as the Tableau's"
assembly=$(basename "$project" .csproj)
folder=$(dirname "$project")
Template=$(basename "$(awk -v n="$TEMPLATE" '$1 == n {print $3}' "$LIST")" .csproj)

# Inserts the text of a file after the last line matching the pattern (an extended regular expression), or before
# the first one with before=1.
insert() {
  local file=$1 pattern=$2 text=$3 before=${4:-0}
  grep -Eq -- "$pattern" "$file" || die "$file: no line matches $pattern"
  PATTERN=$pattern TEXT=$text BEFORE=$before awk '
    { lines[NR] = $0; if ($0 ~ ENVIRON["PATTERN"]) { if (!first) first = NR; last = NR } }
    END {
      at = ENVIRON["BEFORE"] == 1 ? first - 1 : last
      if (at == 0) while ((getline l < ENVIRON["TEXT"]) > 0) print l
      for (i = 1; i <= NR; i++) {
        print lines[i]
        if (i == at) while ((getline l < ENVIRON["TEXT"]) > 0) print l
      }
    }' "$file" >"$file.new"
  mv "$file.new" "$file"
}
# Adds the text at the pattern unless a line of the file already matches the marker (both extended regular expressions).
add() {
  local file=$1 marker=$2 pattern=$3 text=$4 before=${5:-0} tmp
  if grep -Eq -- "$marker" "$file"; then return 0; fi
  tmp=$(mktemp)
  printf '%s\n' "$text" >"$tmp"
  insert "$file" "$pattern" "$tmp" "$before"
  rm -f "$tmp"
  say "${file#"$ROOT"/}: added $(printf '%s\n' "$text" | sed -n '/[^ ]/{s/^ *//p;q}')"
}

k8s="$ROOT/deploy/k8s"
db="ordre_$name"

# Kubernetes: the manifest from the template's, with the service's names.
if [ ! -f "$k8s/$name.yaml" ]; then
  {
    echo "# The $name service (deploy/services.txt), scaffolded from $TEMPLATE.yaml: one async-daemon leader among the"
    echo "# replicas (HotCold), competing consumers on quorum queues; asks the Tableau over gRPC with the services' secret."
    sed -n '/^apiVersion:/,$p' "$k8s/$TEMPLATE.yaml" | sed "s/$TEMPLATE/$name/g"
  } >"$k8s/$name.yaml"
  [ "$database" = yes ] || sed -i "/- name: ConnectionStrings__Marten/,/key: $name-db/d" "$k8s/$name.yaml"
  [ "$bus" = yes ] || sed -i "/- name: ConnectionStrings__RabbitMq/,/key: $name-rabbitmq/d" "$k8s/$name.yaml"
  say "deploy/k8s/$name.yaml: written from $TEMPLATE.yaml"
fi
add "$k8s/kustomization.yaml" "^  - $name[.]yaml$" '^  - gateway\.yaml$' "  - $name.yaml" 1
add "$k8s/kustomization.yaml" "^  - name: ordre/$name$" '^    newTag: ' "  - name: ordre/$name
    newName: registry.example.org/ordre/$name
    newTag: \"0.1.0\""
if [ "$gateway" != - ]; then
  add "$k8s/config.yaml" "^  ReverseProxy__Clusters__${name}__" '^  ReverseProxy__Clusters__' \
    "  ReverseProxy__Clusters__${name}__Destinations__local__Address: http://$name:8080/"
fi
if [ "$database" = yes ]; then
  add "$k8s/secret.yaml" "^  $name-db: " '^  [a-z]+-db: ' \
    "  $name-db: Host=postgres;Port=5432;Database=$db;Username=$db;Password=CHANGE_ME;Maximum Pool Size=10"
fi
if [ "$bus" = yes ]; then
  add "$k8s/secret.yaml" "^  $name-rabbitmq: " '^  [a-z]+-rabbitmq: amqp' "  $name-rabbitmq: amqp://ordre-$name:CHANGE_ME@rabbitmq:5672/"
  add "$k8s/rabbitmq-users.yaml" "name: BUS_URI_$name$" '^          volumeMounts:' "            - name: BUS_URI_$name
              valueFrom:
                secretKeyRef:
                  name: ordre-secrets
                  key: $name-rabbitmq" 1
fi

# PostgreSQL (compose's init script; ./ordre creates databases from the list itself).
if [ "$database" = yes ]; then
  init="$ROOT/deploy/docker/postgres-init.sql"
  add "$init" "^CREATE ROLE $db " '^-- The Marten async daemon' "CREATE ROLE $db LOGIN PASSWORD '$db';
CREATE DATABASE $db OWNER $db;
" 1
  add "$init" "^ALTER DATABASE $db " '^ALTER DATABASE ' "ALTER DATABASE $db SET client_connection_check_interval = '2s';"
fi

# The image's restore layer.
add "$ROOT/deploy/docker/Dockerfile" "^COPY $project " '^COPY services/.*\.csproj ' "COPY $project $folder/"

# docker compose: the bus user's URI, its creation, the service (the template's block renamed), the gateway's cluster.
compose="$ROOT/docker-compose.yml"
if [ "$bus" = yes ]; then
  add "$compose" "^  $name: &bus-$name " '^  [a-z]+: &bus-[a-z]+ amqp://' "  $name: &bus-$name amqp://ordre-$name:$name-dev-bus@rabbitmq:5672/"
  add "$compose" "^      BUS_URI_$name: " '^      BUS_URI_[a-z]+: \*bus-' "      BUS_URI_$name: *bus-$name"
fi
if ! grep -q "^  $name:$" "$compose"; then
  block=$(awk -v t="  $TEMPLATE:" '$0 == t {on = 1} on && /^  [a-z-]+:$/ && $0 != t {exit} on' "$compose" \
    | sed "s/$TEMPLATE/$name/g; s/$Template/$assembly/g; s|services/[A-Za-z]*/$assembly.csproj|$project|")
  [ "$database" = yes ] || block=$(printf '%s\n' "$block" | grep -v 'ConnectionStrings__Marten')
  [ "$bus" = yes ] || block=$(printf '%s\n' "$block" | grep -v -e 'ConnectionStrings__RabbitMq' -e 'rabbitmq-users:' -e 'service_completed_successfully')
  add "$compose" "^  $name:$" '^  gateway:$' "$block"$'\n' 1
fi
if [ "$gateway" != - ]; then
  add "$compose" "^      ReverseProxy__Clusters__${name}__" '^      ReverseProxy__Clusters__' \
    "      ReverseProxy__Clusters__${name}__Destinations__local__Address: http://$name:8080/"
  # The gateway's depends_on: the only `condition: service_started` lines of the file.
  if ! awk '/^  gateway:$/ {on = 1; next} on && /^  [a-z-]+:$/ {exit} on' "$compose" | grep -qx "      $name:"; then
    tmp=$(mktemp)
    printf '      %s:\n        condition: service_started\n' "$name" >"$tmp"
    insert "$compose" '^        condition: service_started$' "$tmp"
    rm -f "$tmp"
    say "docker-compose.yml: added the gateway's depends_on $name"
  fi
fi

say "done. Still by hand (docs/adding-a-service.md): $project and its appsettings.json (port $http), Ordre.sln,"
say "tests/Ordre.EndToEnd.Tests/Ordre.EndToEnd.Tests.csproj, the routes in gateway/appsettings.json, the row in"
say "deploy/k8s/rabbitmq/permissions.txt (if missing), docs/connections.md, and for an event store the health panel's reader role"
say "(postgres-init.sql, deploy/k8s/postgres/readers.sql, secret.yaml, dashboard.yaml, compose; docs/dashboard.md). Then: kubectl kustomize deploy/k8s; the test"
say "EveryServiceIsDeclaredEverywhere names whatever is still missing."
