"""What the audit trail listens to, and the one entry each event writes.

- Sign-in, failure and sign-out: Django's auth signals (a wrong second-factor code is
  sent as a failed sign-in by staff/sign_in.py, so django-axes counts it too).
- Editorial decisions: the signals articles/workflow.py sends (articles/signals.py).
- Accounts: creation, deactivation and flags (post_save on User), roles and permissions
  (m2m_changed on the three through tables), deletions (post_delete).
- Two-factor changes and ended sessions are recorded where they are made
  (staff/two_factor.py, staff/sessions.py), lifted lockouts in staff/admin/lockouts.py.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth import signals as auth_signals
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils import timezone
from django.utils.formats import date_format
from taggit.models import Tag

from articles import signals as editorial
from authors.models import Author

from . import audit, sessions
from .models import BackupCodeDevice

Action = audit.Action
User = get_user_model()

# The flags a refused try carries in the credentials it is sent with: a wrong code after
# the right password, and a wrong password or code from a signed-in session that asked to
# change its second factor (staff/views.py).
SECOND_FACTOR = "second_factor"
CONFIRMING = "confirming"


def _when(moment):
    return date_format(timezone.localtime(moment), "j M Y, H:i")


# Signing in and out.


def signed_in(sender, request, user, **kwargs):
    sessions.started(request, user)
    device = getattr(user, "otp_device", None)
    if device is None:
        how = "with a password only"
    elif isinstance(device, BackupCodeDevice):
        left = device.codes.count()
        how = f"with a backup code ({left} left)"
    else:
        how = "with the authenticator app"
    audit.record(Action.SIGNED_IN, target=user, actor=user, request=request, detail=how)


def sign_in_refused(sender, credentials, request=None, **kwargs):
    typed = str(credentials.get(User.USERNAME_FIELD) or "")
    account = User._default_manager.filter(**{User.USERNAME_FIELD: typed}).first()
    # django-axes has judged this try by now: it flags a refused one as locked out, and
    # counts it unless it was refused for the lockout itself.
    locked = getattr(request, "axes_locked_out", False)
    counted = getattr(request, "axes_failures_since_start", None) is not None
    if locked and not counted:
        why = "locked out (nothing was checked)"
    elif credentials.get(SECOND_FACTOR):
        why = "wrong code (the password was right)"
    elif credentials.get(CONFIRMING):
        why = "wrong password or code to change two-factor sign-in, from a signed-in session"
    else:
        why = "wrong username or password"
    if locked and counted:
        why += "; now locked out"
    audit.record(
        Action.SIGN_IN_REFUSED,
        target=account,
        # Nobody signs in on a refusal, but a signed-in session asked to change a factor.
        actor=account if credentials.get(CONFIRMING) else None,
        request=request,
        detail=f"{why} (“{typed[:150]}”)",
    )


def signed_out(sender, request, user, **kwargs):
    sessions.ended(request)
    if user is not None:
        audit.record(Action.SIGNED_OUT, target=user, actor=user, request=request)


# Editorial decisions, as the workflow announces them.


def published(sender, article, user, **kwargs):
    audit.record(
        Action.PUBLISHED, target=article, actor=user, detail=f"public {_when(article.published_at)}"
    )


def scheduled(sender, article, user, **kwargs):
    audit.record(
        Action.SCHEDULED, target=article, actor=user, detail=f"for {_when(article.published_at)}"
    )


def unpublished(sender, article, user, **kwargs):
    audit.record(Action.UNPUBLISHED, target=article, actor=user)


def restored(sender, article, user, version, **kwargs):
    saved = _when(version.revision.date_created)
    detail = f"the revision of {saved}; now {article.get_status_display().lower()}"
    audit.record(Action.RESTORED, target=article, actor=user, detail=detail)


def article_deleted(sender, article, user, **kwargs):
    audit.record(Action.DELETED, target=article, actor=user)


def recovered(sender, article, user, version, **kwargs):
    deleted_at = _when(version.revision.date_created)
    detail = f"from its revision of {deleted_at}; now {article.get_status_display().lower()}"
    audit.record(Action.RECOVERED, target=article, actor=user, detail=detail)


def preview_link_created(sender, link, user, **kwargs):
    audit.record(Action.PREVIEW_LINK_CREATED, target=link, actor=user)


def preview_link_revoked(sender, link, user, **kwargs):
    audit.record(Action.PREVIEW_LINK_REVOKED, target=link, actor=user)


def preview_link_expiry_changed(sender, link, user, previous, **kwargs):
    detail = f"until {_when(link.expires_at)}, was {_when(previous)}"
    audit.record(Action.PREVIEW_LINK_EXPIRY_CHANGED, target=link, actor=user, detail=detail)


# Accounts: creation, deactivation and the flags that grant power.

_FLAGS = ("is_active", "is_staff", "is_superuser")


def user_before_save(sender, instance, update_fields=None, **kwargs):
    """Remember the flags as saved, to tell what this save changes."""
    instance._audit_flags = None
    if instance.pk is None or (update_fields is not None and not set(_FLAGS) & set(update_fields)):
        return
    instance._audit_flags = sender._default_manager.filter(pk=instance.pk).values(*_FLAGS).first()


def user_saved(sender, instance, created, **kwargs):
    if created:
        flags = (("is_superuser", "superuser"), ("is_staff", "staff access"))
        held = [name for flag, name in flags if getattr(instance, flag)]
        audit.record(Action.USER_CREATED, target=instance, detail=", ".join(held))
        return
    before = getattr(instance, "_audit_flags", None)
    if not before:
        return
    if before["is_active"] != instance.is_active:
        action = Action.USER_REACTIVATED if instance.is_active else Action.USER_DEACTIVATED
        audit.record(action, target=instance)
    changes = [
        f"{name} {'granted' if getattr(instance, flag) else 'withdrawn'}"
        for flag, name in (("is_superuser", "superuser status"), ("is_staff", "staff access"))
        if before[flag] != getattr(instance, flag)
    ]
    if changes:
        audit.record(Action.PERMISSIONS_CHANGED, target=instance, detail="; ".join(changes))


# Roles (groups) and permissions: the three many-to-many tables that grant power.


# through model: (the model an entry is about, its field, the action, added, removed)
def _memberships():
    return {
        User.groups.through: (User, "groups", Action.ROLES_CHANGED, "added to", "removed from"),
        User.user_permissions.through: (
            User,
            "user_permissions",
            Action.PERMISSIONS_CHANGED,
            "granted",
            "withdrawn",
        ),
        Group.permissions.through: (
            Group,
            "permissions",
            Action.PERMISSIONS_CHANGED,
            "granted",
            "withdrawn",
        ),
    }


def _name(obj):
    if isinstance(obj, Permission):
        return f"{obj.content_type.app_label}.{obj.codename}"
    return str(obj)


def _objects(model, queryset_or_pks):
    if model is Permission:
        return Permission.objects.filter(pk__in=queryset_or_pks).select_related("content_type")
    return model._default_manager.filter(pk__in=queryset_or_pks)


def membership_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    audited, field, entry_action, added, removed = _memberships()[sender]
    if action == "pre_clear":  # pk_set is None: name what is about to go
        verb = removed
        if reverse:
            subjects = list(audited._default_manager.filter(**{field: instance}))
            others = [instance]
        else:
            subjects = [instance]
            others = list(_objects(model, getattr(instance, field).values("pk")))
    elif action in ("post_add", "post_remove") and pk_set:
        verb = added if action == "post_add" else removed
        if reverse:
            subjects, others = list(_objects(audited, pk_set)), [instance]
        else:
            subjects, others = [instance], list(_objects(model, pk_set))
    else:
        return
    names = ", ".join(sorted(_name(other) for other in others))
    for subject in subjects:
        audit.record(entry_action, target=subject, detail=f"{verb} {names}")


# Deletions outside the workflow (articles announce their own).

DELETIONS_AUDITED = (User, Group, Author, Tag)


def deleted(sender, instance, **kwargs):
    audit.record(Action.DELETED, target=instance)


def connect():
    uid = "staff-audit-"
    auth_signals.user_logged_in.connect(signed_in, dispatch_uid=uid + "signed-in")
    auth_signals.user_login_failed.connect(sign_in_refused, dispatch_uid=uid + "refused")
    auth_signals.user_logged_out.connect(signed_out, dispatch_uid=uid + "signed-out")
    for signal, receiver in (
        (editorial.article_published, published),
        (editorial.article_scheduled, scheduled),
        (editorial.article_unpublished, unpublished),
        (editorial.article_restored, restored),
        (editorial.article_deleted, article_deleted),
        (editorial.article_recovered, recovered),
        (editorial.preview_link_created, preview_link_created),
        (editorial.preview_link_revoked, preview_link_revoked),
        (editorial.preview_link_expiry_changed, preview_link_expiry_changed),
    ):
        signal.connect(receiver, dispatch_uid=uid + receiver.__name__)
    pre_save.connect(user_before_save, sender=User, dispatch_uid=uid + "user-before")
    post_save.connect(user_saved, sender=User, dispatch_uid=uid + "user-saved")
    for through in _memberships():
        m2m_changed.connect(membership_changed, sender=through, dispatch_uid=uid + str(through))
    for model in DELETIONS_AUDITED:
        post_delete.connect(deleted, sender=model, dispatch_uid=uid + f"deleted-{model}")
