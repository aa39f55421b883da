#!/usr/bin/env bash
# The production stack on one machine, every process on 127.0.0.1, for drills and
# benchmarks: its own PostgreSQL and Redis, two gunicorn app servers (A and B), two queue
# workers, nginx balancing the app servers and serving static files, and Varnish in front.
#
#   deploy/local-cluster.sh start [--stories N]   start everything (seeds N stories once)
#   deploy/local-cluster.sh stop                  stop everything it started
#   deploy/local-cluster.sh status                which processes are running
#   deploy/local-cluster.sh env                   the app servers' environment, to source
#   deploy/local-cluster.sh stop-app a|b | start-app a|b
#   deploy/local-cluster.sh stop-worker 1|2 | start-worker 1|2
#   deploy/local-cluster.sh stop-redis | start-redis
#   deploy/local-cluster.sh stop-postgres | start-postgres | restart-postgres
#
# State, logs and PID files live in .cluster/ (git-ignored): each process has its own PID
# file and is stopped by that PID, never by name. Ports can be changed by the variables
# below. Plain HTTP: TLS would end in front of Varnish in production.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${CLUSTER_DIR:-$ROOT/.cluster}
RUN=$STATE/run
LOG=$STATE/log
PY=$ROOT/.venv/bin/python
PG_BIN=${PG_BIN:-$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)}

VARNISH_PORT=${VARNISH_PORT:-6181}
VARNISH_ADMIN_PORT=${VARNISH_ADMIN_PORT:-6182}
NGINX_PORT=${NGINX_PORT:-8180}
STATIC_PORT=${STATIC_PORT:-8189}  # nginx serving saved pages as files: the benchmark ceiling
APP_A_PORT=${APP_A_PORT:-8101}
APP_B_PORT=${APP_B_PORT:-8102}
REDIS_PORT=${REDIS_PORT:-6391}
PG_PORT=${PG_PORT:-5544}
WEB_CONCURRENCY=${WEB_CONCURRENCY:-2}  # workers per app server on this small machine

say() { printf '%s\n' "$*" >&2; }

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pid_of() {  # the PID in a PID file, if that process is alive
    local file=$RUN/$1.pid
    [ -s "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null && cat "$file"
}

wait_for() {  # wait_for DESCRIPTION COMMAND...: up to 20 s
    local what=$1
    shift
    for _ in $(seq 1 100); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.2
    done
    say "$what did not come up; see $LOG/"
    return 1
}

stop_pid() {  # stop_pid NAME: TERM the process in NAME.pid, wait for it to go
    local pid
    if pid=$(pid_of "$1"); then
        kill -TERM "$pid"
        for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        if kill -0 "$pid" 2>/dev/null; then say "$1 ($pid) did not stop"; return 1; fi
        say "stopped $1 ($pid)"
    fi
    rm -f "$RUN/$1.pid"
}

app_env() {
    export DJANGO_SETTINGS_MODULE=newsroom.settings
    export DEBUG=false
    SECRET_KEY=$(cat "$STATE/secret-key")
    export SECRET_KEY
    export ALLOWED_HOSTS=127.0.0.1,localhost
    export SITE_URL=http://127.0.0.1:$VARNISH_PORT
    export DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/newsroom
    export CACHE_URL=redis://127.0.0.1:$REDIS_PORT/1
    export MEDIA_ROOT=$STATE/media
    export EDGE_PURGE=varnish
    export EDGE_CACHE_URLS=http://127.0.0.1:$VARNISH_PORT/
    # nginx passes the client's address, as Varnish saw it, in X-Forwarded-For (one entry).
    export CLIENT_IP_HEADER=X-Forwarded-For CLIENT_IP_PROXY_COUNT=1
    # Plain HTTP on this machine only: production keeps all of these on.
    export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
    export SECURE_HSTS_SECONDS=0
    export WEB_CONCURRENCY
}

# --- PostgreSQL ---------------------------------------------------------------------------

start_postgres() {
    if [ ! -s "$STATE/pg/PG_VERSION" ]; then
        mkdir -p "$STATE/pg" && chown postgres "$STATE/pg" 2>/dev/null || true
        as_postgres "$PG_BIN/initdb" -D "$STATE/pg" -U postgres --auth=trust >"$LOG/initdb.log"
    fi
    chown postgres "$LOG" 2>/dev/null || true
    as_postgres "$PG_BIN/pg_ctl" -D "$STATE/pg" -l "$LOG/postgres.log" -w \
        -o "-p $PG_PORT -k $STATE/pg -c listen_addresses=127.0.0.1" start >/dev/null
    head -1 "$STATE/pg/postmaster.pid" >"$RUN/postgres.pid"
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAtc \
        "select 1 from pg_database where datname = 'newsroom'" | grep -q 1 ||
        "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres newsroom
    say "PostgreSQL on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
    if pid_of postgres >/dev/null; then
        as_postgres "$PG_BIN/pg_ctl" -D "$STATE/pg" -m fast -w stop >/dev/null
        say "stopped postgres"
    fi
    rm -f "$RUN/postgres.pid"
}

# --- Redis --------------------------------------------------------------------------------

start_redis() {
    mkdir -p "$STATE/redis"
    # A cache: nothing saved to disk, so a restart starts empty.
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
        --pidfile "$RUN/redis.pid" --logfile "$LOG/redis.log" --dir "$STATE/redis" \
        --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru
    wait_for "Redis" redis-cli -p "$REDIS_PORT" ping
    say "Redis on 127.0.0.1:$REDIS_PORT"
}

# --- App servers --------------------------------------------------------------------------

app_port() { if [ "$1" = a ]; then echo "$APP_A_PORT"; else echo "$APP_B_PORT"; fi; }

start_app() {
    local name=app-$1 port
    port=$(app_port "$1")
    (
        app_env
        cd "$ROOT"
        GUNICORN_BIND=127.0.0.1:$port setsid "$ROOT/.venv/bin/gunicorn" newsroom.wsgi \
            -c deploy/gunicorn.conf.py --pid "$RUN/$name.pid" >>"$LOG/$name.log" 2>&1 &
    )
    wait_for "app server $1" curl -fsS "http://127.0.0.1:$port/healthz"
    say "app server ${1^^} on 127.0.0.1:$port ($WEB_CONCURRENCY workers)"
}

# --- Queue workers ------------------------------------------------------------------------

# Each worker has a name that stays the same across restarts: a worker starting again takes
# back the jobs its killed life held (docs/queue.md).
start_worker() {
    local name=worker-$1
    (
        app_env
        cd "$ROOT"
        setsid "$PY" manage.py run_worker --worker-id "$name" >>"$LOG/$name.log" 2>&1 &
        echo $! >"$RUN/$name.pid"
    )
    say "queue worker $name ($(cat "$RUN/$name.pid"))"
}

# --- nginx and Varnish --------------------------------------------------------------------

start_nginx() {
    mkdir -p "$STATE/nginx/tmp" "$STATE/www"
    APP_A=127.0.0.1:$APP_A_PORT APP_B=127.0.0.1:$APP_B_PORT NGINX_LISTEN=127.0.0.1:$NGINX_PORT \
        STATIC_ROOT=$ROOT/staticfiles MEDIA_ROOT=$STATE/media FORWARDED_PROTO=http \
        VARNISH_ADDRESS=127.0.0.1 \
        envsubst '${APP_A} ${APP_B} ${NGINX_LISTEN} ${STATIC_ROOT} ${MEDIA_ROOT} ${FORWARDED_PROTO} ${VARNISH_ADDRESS}' \
        <"$ROOT/deploy/nginx/newsroom.conf.template" >"$STATE/nginx/newsroom.conf"
    cat >"$STATE/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $RUN/nginx.pid;
error_log $LOG/nginx-error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    client_body_temp_path $STATE/nginx/tmp/body;
    proxy_temp_path $STATE/nginx/tmp/proxy;
    fastcgi_temp_path $STATE/nginx/tmp/fastcgi;
    uwsgi_temp_path $STATE/nginx/tmp/uwsgi;
    scgi_temp_path $STATE/nginx/tmp/scgi;
    include $STATE/nginx/newsroom.conf;
    # The benchmark's ceiling: saved copies of pages, served as plain files.
    server {
        listen 127.0.0.1:$STATIC_PORT;
        root $STATE/www;
    }
}
EOF
    nginx -c "$STATE/nginx/nginx.conf" -e "$LOG/nginx-error.log"
    wait_for "nginx" curl -fsS "http://127.0.0.1:$NGINX_PORT/healthz"
    say "nginx on 127.0.0.1:$NGINX_PORT (balancing A and B), files on 127.0.0.1:$STATIC_PORT"
}

start_varnish() {
    mkdir -p "$STATE/varnish"
    cp "$ROOT/deploy/varnish/default.vcl" "$STATE/varnish/default.vcl"
    cat >"$STATE/varnish/backends.vcl" <<EOF
backend balancer {
    .host = "127.0.0.1";
    .port = "$NGINX_PORT";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}
backend site_health {
    .host = "127.0.0.1";
    .port = "$NGINX_PORT";
    .probe = {
        .request = "GET /healthz HTTP/1.1" "Host: localhost" "Connection: close";
        .interval = 1s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
    }
}
acl purgers {
    "127.0.0.1";
}
EOF
    [ -s "$STATE/varnish/secret" ] || head -c 32 /dev/urandom | base64 >"$STATE/varnish/secret"
    varnishd -a "127.0.0.1:$VARNISH_PORT" -T "127.0.0.1:$VARNISH_ADMIN_PORT" \
        -S "$STATE/varnish/secret" -n "$STATE/varnish/work" -f "$STATE/varnish/default.vcl" \
        -P "$RUN/varnish.pid" -s malloc,256m -p default_grace=0s \
        -p vcl_path="$STATE/varnish:/usr/share/varnish/vcl"
    wait_for "Varnish" curl -fsS -o /dev/null "http://127.0.0.1:$VARNISH_PORT/robots.txt"
    say "Varnish on 127.0.0.1:$VARNISH_PORT"
}

# --- The whole stack ----------------------------------------------------------------------

# Debian's packages the stack runs on (xkey, for purges by surrogate key, is in
# varnish-modules; wrk drives the load drills). Installed when missing, as root with
# apt-get; otherwise named, and the start stops.
missing_packages() {
    local missing=""
    [ -n "$PG_BIN" ] || missing="$missing postgresql"
    command -v redis-server >/dev/null || missing="$missing redis-server"
    command -v nginx >/dev/null || missing="$missing nginx"
    command -v varnishd >/dev/null || missing="$missing varnish"
    ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing="$missing varnish-modules"
    command -v wrk >/dev/null || missing="$missing wrk"
    command -v curl >/dev/null || missing="$missing curl"
    echo "$missing"
}

ensure_packages() {
    local missing
    missing=$(missing_packages)
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing Debian packages:$missing"
        apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
        PG_BIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -1)
    else
        say "the stack needs these Debian packages:$missing"
        say "install them (sudo apt-get install$missing), then run this again"
        exit 1
    fi
}

start() {
    local stories=3000
    if [ "${1:-}" = --stories ]; then stories=$2; fi
    ensure_packages
    mkdir -p "$RUN" "$LOG" "$STATE/media"
    [ -s "$STATE/secret-key" ] || "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$STATE/secret-key"
    pid_of postgres >/dev/null || start_postgres
    pid_of redis >/dev/null || start_redis
    (
        app_env
        cd "$ROOT"
        "$PY" manage.py migrate --noinput -v0
        "$PY" manage.py collectstatic --noinput -v0
        if [ "$("$PY" manage.py shell -v0 -c 'from articles.models import Article; print(Article.objects.exists())')" = False ]; then
            # Varnish is not up yet, and starts empty: nothing to purge.
            EDGE_PURGE=none "$PY" bench/seed_stories.py --stories "$stories"
        fi
    )
    pid_of app-a >/dev/null || start_app a
    pid_of app-b >/dev/null || start_app b
    pid_of worker-1 >/dev/null || start_worker 1
    pid_of worker-2 >/dev/null || start_worker 2
    pid_of nginx >/dev/null || start_nginx
    pid_of varnish >/dev/null || start_varnish
    say "the site: http://127.0.0.1:$VARNISH_PORT/"
}

stop() {
    stop_pid varnish
    stop_pid nginx
    stop_pid app-a
    stop_pid app-b
    stop_pid worker-1
    stop_pid worker-2
    stop_pid redis
    stop_postgres
}

status() {
    for name in varnish nginx app-a app-b worker-1 worker-2 redis postgres; do
        if pid=$(pid_of "$name"); then echo "$name running ($pid)"; else echo "$name stopped"; fi
    done
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop ;;
    status) status ;;
    env) app_env; env | grep -E '^(DJANGO_SETTINGS_MODULE|DEBUG|SECRET_KEY|ALLOWED_HOSTS|SITE_URL|DATABASE_URL|CACHE_URL|MEDIA_ROOT|EDGE_[A-Z_]+|SECURE_[A-Z_]+|SESSION_COOKIE_SECURE|CSRF_COOKIE_SECURE|CLIENT_IP_[A-Z_]+|WEB_CONCURRENCY)=' | sed 's/^/export /' ;;
    stop-app) stop_pid "app-$2" ;;
    start-app) start_app "$2" ;;
    stop-worker) stop_pid "worker-$2" ;;
    start-worker) start_worker "$2" ;;
    stop-redis) stop_pid redis ;;
    start-redis) start_redis ;;
    stop-postgres) stop_postgres ;;
    start-postgres) start_postgres ;;
    restart-postgres) stop_postgres; start_postgres ;;
    *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
