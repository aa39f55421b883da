"""Staff security (staff/; docs/security.md): passwords, sign-in, two factors, sessions."""

from datetime import timedelta

from .base import LOGGING, SITE_NAME, env

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Every account here is a staff account: 12 characters at least.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Staff security (staff/; docs/security.md) ---------------------------------------------
# The admin's address. Moving it off /admin/ does not protect it (the sign-in does), but it
# keeps it out of the scanners that try /admin/ on every site.
ADMIN_PATH = (env.str("ADMIN_PATH", default="admin/").strip("/") or "admin") + "/"
# django-axes refuses every sign-in for an account, or from an address, that failed
# LOGIN_FAILURE_LIMIT times within the cool-off, even with the right password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one: not only the pair
# A try during the cool-off is refused without counting, so the page's "try again in 15
# minutes" holds; an attacker still gets LOGIN_FAILURE_LIMIT guesses per cool-off, no more.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "staff.addresses.typed_username"
AXES_CLIENT_IP_CALLABLE = "staff.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "staff.views.locked_out"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code", "proof"]
# Sign-ins and sign-outs are in the audit trail; axes keeps only its failure counters.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # staff/admin/lockouts.py shows the counters as lockouts to lift
AXES_VERBOSE = False
# The client's address: REMOTE_ADDR, unless a proxy sets a header, named here (e.g.
# X-Forwarded-For), and CLIENT_IP_PROXY_COUNT proxies append to it. Never trusted unnamed.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
CLIENT_IP_PROXY_COUNT = env.int("CLIENT_IP_PROXY_COUNT", default=1)
# Editors and Administrators always sign in with a second factor; this extends it to all.
TWO_FACTOR_REQUIRED_FOR_ALL = env.bool("TWO_FACTOR_REQUIRED_FOR_ALL", default=False)
OTP_TOTP_ISSUER = SITE_NAME  # the name authenticator apps show beside the code
# A staff session ends this many hours after sign-in, whatever happens meanwhile.
STAFF_SESSION_HOURS = env.int("STAFF_SESSION_HOURS", default=10)
SESSION_COOKIE_AGE = STAFF_SESSION_HOURS * 60 * 60
# django-axes tells of every sign-in at INFO; the audit trail has them. Failures stay (WARNING).
LOGGING.setdefault("loggers", {})["axes"] = {"level": "WARNING"}
