"""Staff security in the admin: the audit trail, lockouts, and accounts' second factors.

- The audit trail: Administrators read, filter and export it; nobody adds, edits or
  deletes an entry here (superusers included).
- Failed sign-ins and lockouts (django-axes' attempts): lift a lockout, recorded.
- Users: a "Two-factor" column, and actions to reset a colleague's second factor or
  sign them out everywhere. Users' and roles' forms record each save as one entry per
  kind of change (audit.grouped).
"""

# Each module registers its admin classes when imported.
from . import accounts, audit_trail, lockouts  # noqa: F401
