"""gunicorn settings for Newsroom, one file for every app server.

    gunicorn newsroom.wsgi -c deploy/gunicorn.conf.py

Each value can be overridden by an environment variable (GUNICORN_BIND, WEB_CONCURRENCY,
GUNICORN_TIMEOUT) or on the command line.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Pages are CPU-bound Python: about two workers a core, plus one for a worker in I/O.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A request that takes longer is a stuck worker: it is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# On SIGTERM, requests in flight get this long to finish before the workers stop.
graceful_timeout = 20
# Keep connections from the balancer open between requests.
keepalive = 5
# Workers are replaced now and then, so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# Logs to standard output and error, for the process manager to collect.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# Trust X-Forwarded-* from the balancer on this machine only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
