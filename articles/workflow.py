"""The editorial workflow: who may do what to an article, and the writes that do it.

Every rule is written once, in `articles/services/` (one module per subject), and
gathered here, so callers read `workflow.publish(...)`: the admin form, the admin's bulk
actions, a restore from the history and a hand-made POST all obey the same code
(docs/editorial.md is the table for people). Questions are plain functions (`can_edit`,
`can_publish`); every write is a keyword-only function in the manner of HackSoft's
services (`save_article`, `publish`, `restore_revision`, `create_preview_link`...), and
refuses with a WorkflowError whose message can be shown to an editor. The admin only
collects input and shows the results. Revisions are the caller's business (the admin
wraps each write in one).
"""

from .services.addresses import check_address
from .services.corrections import save_corrections
from .services.errors import AddressTaken, EditConflict, Incomplete, NotAllowed, WorkflowError
from .services.live import (
    allowed_entry_statuses,
    can_change_entry,
    can_post_entries,
    can_run_coverage,
    check_entry,
    check_entry_complete,
    delete_entry,
    end_coverage,
    missing_for_entry,
    post_entry,
    publish_entry,
    save_entry,
    start_coverage,
)
from .services.permissions import (
    allowed_statuses,
    can_delete,
    can_edit,
    can_preview,
    can_publish,
    can_recover,
    can_translate,
    can_view,
    check_transition,
    is_own,
    publishes_any,
)
from .services.preview_links import (
    PREVIEW_LINK_LIFETIME,
    change_preview_expiry,
    create_preview_link,
    default_preview_expiry,
    revoke_preview_link,
)
from .services.publishing import (
    check_complete,
    check_fresh,
    delete_article,
    mark_updated,
    missing_for_publication,
    publication_time,
    publish,
    save_article,
    submit_for_review,
    unpublish,
)
from .services.revisions import recover_article, recover_entry, restore_revision
from .services.translations import (
    can_mark_current,
    create_translation,
    is_stale,
    mark_translation_current,
    translation_refusal,
)

__all__ = [
    "PREVIEW_LINK_LIFETIME",
    "AddressTaken",
    "EditConflict",
    "Incomplete",
    "NotAllowed",
    "WorkflowError",
    "allowed_entry_statuses",
    "allowed_statuses",
    "can_change_entry",
    "can_delete",
    "can_edit",
    "can_mark_current",
    "can_post_entries",
    "can_preview",
    "can_publish",
    "can_recover",
    "can_run_coverage",
    "can_translate",
    "can_view",
    "change_preview_expiry",
    "check_address",
    "check_complete",
    "check_entry",
    "check_entry_complete",
    "check_fresh",
    "check_transition",
    "create_preview_link",
    "create_translation",
    "default_preview_expiry",
    "delete_article",
    "delete_entry",
    "end_coverage",
    "is_own",
    "is_stale",
    "mark_translation_current",
    "mark_updated",
    "missing_for_entry",
    "missing_for_publication",
    "post_entry",
    "publication_time",
    "publish",
    "publish_entry",
    "publishes_any",
    "recover_article",
    "recover_entry",
    "restore_revision",
    "revoke_preview_link",
    "save_article",
    "save_corrections",
    "save_entry",
    "start_coverage",
    "submit_for_review",
    "translation_refusal",
    "unpublish",
]
