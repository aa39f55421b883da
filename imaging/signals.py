"""A new image file is cleaned and its renditions made as it is saved, never later."""

from django.db.models.signals import pre_save

from .pipeline import IMAGE_FIELDS, process_upload, sync_credit


def image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    spec = IMAGE_FIELDS[sender._meta.label]
    if raw or (update_fields is not None and spec.field not in update_fields):
        return  # fixtures describe stored files; a partial save leaves the image alone
    image = getattr(instance, spec.field)
    if not image:
        setattr(instance, spec.renditions, {})  # the image was removed
    elif not image._committed:  # a new upload, not in storage yet
        process_upload(instance, spec)
    elif spec.credit:
        sync_credit(instance, spec)


for label in IMAGE_FIELDS:
    pre_save.connect(image_saved, sender=label, dispatch_uid=f"imaging-{label}")
