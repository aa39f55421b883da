"""A new image file is cleaned and its renditions made as it is saved, never later.

`CheckedImageField` connects `image_saved` for each model that has one with renditions.
"""

from .pipeline import ImageSpec, process_upload, sync_credit


def image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    for spec in ImageSpec.all_for(sender):
        if raw or (update_fields is not None and spec.field not in update_fields):
            continue  # fixtures describe stored files; a partial save leaves the image alone
        image = getattr(instance, spec.field)
        if not image:
            setattr(instance, spec.renditions, {})  # the image was removed
        elif not image._committed:  # a new upload, not in storage yet
            process_upload(instance, spec)
        elif spec.credit:
            sync_credit(instance, spec)
