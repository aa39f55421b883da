"""Settings for Newsroom.

Every value comes from the environment (or an optional `.env` beside manage.py), read
once through django-environ. Production differs from development by variables only;
`.env.example` lists them all. One module a subject:

- `base`: the site, its apps and middleware, templates, the database and the task queue,
  files, languages, logging;
- `caching`: the cache, the page cache and the edge caches in front;
- `api`: the content API and its webhooks;
- `mail`: where mail goes, reader accounts and newsletters;
- `security`: HTTPS, cookies, headers and the content security policy;
- `staff`: the staff's sign-in (passwords, two factors, lockouts) and sessions.
"""

from .api import *  # noqa: F403
from .base import *  # noqa: F403
from .caching import *  # noqa: F403
from .mail import *  # noqa: F403
from .security import *  # noqa: F403
from .staff import *  # noqa: F403
