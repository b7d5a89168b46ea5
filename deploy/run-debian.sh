#!/bin/sh
# Runs the dashboard with Debian's nginx (apt-get install nginx) in the foreground, from the same
# template and checks as the Docker image: no docker needed. The settings come from the
# environment, as in the image (see docker-entrypoint.d/15-runs-dashboard-env.envsh):
#
#   API_UPSTREAM=https://dq.example.com API_TOKEN=... LISTEN_PORT=8080 STATIC_ROOT=$PWD/dist \
#     deploy/run-debian.sh
#
# NGINX_PREFIX names the folder for the rendered configuration, pid and temporary files (a new
# temporary folder by default); NGINX_BIN the nginx to run (/usr/sbin/nginx). Started as root,
# the worker processes run as NGINX_USER (www-data). Ctrl-C or SIGTERM stops it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# Checks the settings and exports what the template needs (exits 1 with a message otherwise).
. "$here/docker-entrypoint.d/15-runs-dashboard-env.envsh"

nginx_bin=${NGINX_BIN:-/usr/sbin/nginx}
if [ ! -x "$nginx_bin" ]; then
  echo "runs-dashboard: $nginx_bin not found: apt-get install -y nginx (or set NGINX_BIN)" >&2
  exit 1
fi
prefix=${NGINX_PREFIX:-$(mktemp -d "${TMPDIR:-/tmp}/runs-nginx.XXXXXX")}
mkdir -p "$prefix/conf.d" "$prefix/tmp"
chmod 755 "$prefix"
cp "$here/nginx.conf" "$prefix/nginx.conf"
# The official image's substitution: ${NAME} of the environment; nginx's own $variables untouched.
perl -pe 's/\$\{(API_ORIGIN|API_PATH|API_AUTHORIZATION|LISTEN_PORT|STATIC_ROOT)\}/$ENV{$1}/g' \
  <"$here/templates/default.conf.template" >"$prefix/conf.d/default.conf"
chmod 600 "$prefix/conf.d/default.conf" # it holds the token

set --
if [ "$(id -u)" = 0 ]; then
  worker_user=${NGINX_USER:-www-data}
  set -- -g "user $worker_user;"
  for dir in client_body proxy fastcgi uwsgi scgi; do
    mkdir -p "$prefix/tmp/$dir"
    chown "$worker_user" "$prefix/tmp/$dir"
  done
fi
echo "runs-dashboard: serving $STATIC_ROOT on port $LISTEN_PORT, /api/ -> $API_ORIGIN$API_PATH (config in $prefix)"
exec "$nginx_bin" -p "$prefix/" -c nginx.conf "$@"
