#!/bin/sh
# Creates or updates one RabbitMQ user per service with the permissions of permissions.txt, through the
# management HTTP API. docker compose (service rabbitmq-users) and Kubernetes (Job rabbitmq-users) run it;
# ./ordre does the same with rabbitmqctl. Idempotent: run it again after changing the table or a password.
#   RABBITMQ_MANAGEMENT  http://admin:password@host:15672 (a RabbitMQ administrator)
#   BUS_URI_<service>    the service's own amqp://user:password@host:port/vhost, the very value the service gets
#                        as ConnectionStrings__RabbitMq (a service without one is skipped). Passwords of letters,
#                        digits and - _ . ~ only: the URI is not decoded.
#   MONITORING_URI       optional: http://user:password@host:15672 of the dashboard's health panel, created with the tag
#                        monitoring (it reads queues and their counts through the management API) and, on
#                        MONITORING_VHOST (default /), no permission to configure, write or read (docs/dashboard.md)
#   $1                   the table (default: permissions.txt beside this script)
set -eu
table=${1:-$(dirname "$0")/permissions.txt}
api=${RABBITMQ_MANAGEMENT%/}/api

# The broker may still be starting.
tries=0
until curl -fsS -o /dev/null "$api/overview"; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "RabbitMQ management API not reachable at ${api#*@}" >&2; exit 1; }
  sleep 2
done

json() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
put() { curl -fsS -o /dev/null -X PUT -H 'content-type: application/json' -d "$2" "$api/$1"; }

grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$table" | while read -r service configure write read; do
  [ -n "$read" ] || { echo "$table: '$service' needs configure, write and read expressions" >&2; exit 1; }
  uri=$(printenv "BUS_URI_$service" || true)
  if [ -z "$uri" ]; then
    echo "$service: no BUS_URI_$service, skipped"
    continue
  fi
  case "$uri" in amqp://*@* | amqps://*@*) ;; *) echo "BUS_URI_$service has no user and password" >&2; exit 1 ;; esac
  rest=${uri#*://}
  userinfo=${rest%%@*}
  user=${userinfo%%:*}
  password=${userinfo#*:}
  case "$rest" in */?*) vhost=${rest#*/} ;; *) vhost=%2F ;; esac
  case "$userinfo" in *:?*) ;; *) echo "BUS_URI_$service has no password" >&2; exit 1 ;; esac
  case "$userinfo" in *%*) echo "BUS_URI_$service: a percent-encoded user or password is not supported" >&2; exit 1 ;; esac
  put "users/$user" "{\"password\":\"$(json "$password")\",\"tags\":\"\"}"
  put "permissions/$vhost/$user" \
    "{\"configure\":\"$(json "$configure")\",\"write\":\"$(json "$write")\",\"read\":\"$(json "$read")\"}"
  echo "$service: user $user, permissions on vhost $vhost set"
done

# The health panel's monitoring user: it sees queues and message counts, and may not touch any exchange or queue.
if [ -n "${MONITORING_URI:-}" ]; then
  rest=${MONITORING_URI#*://}
  userinfo=${rest%%@*}
  user=${userinfo%%:*}
  password=${userinfo#*:}
  case "$userinfo" in *:?*) ;; *) echo "MONITORING_URI has no user and password" >&2; exit 1 ;; esac
  case "$userinfo" in *%*) echo "MONITORING_URI: a percent-encoded user or password is not supported" >&2; exit 1 ;; esac
  vhost=$(printf '%s' "${MONITORING_VHOST:-/}" | sed 's|/|%2F|g')
  put "users/$user" "{\"password\":\"$(json "$password")\",\"tags\":\"monitoring\"}"
  put "permissions/$vhost/$user" '{"configure":"^$","write":"^$","read":"^$"}'
  echo "health panel: user $user tagged monitoring, no permission on vhost ${MONITORING_VHOST:-/}"
fi
