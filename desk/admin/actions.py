"""Bulk actions on the article list: each article is its own transition and its own revision."""

import reversion
from django.contrib import admin, messages

from articles import workflow

from .columns import state


class BulkTransitions:
    actions = ["submit_for_review", "publish", "unpublish"]

    @admin.action(description="Submit for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._transition(request, queryset, workflow.submit_for_review, "Submitted for review")

    @admin.action(description="Publish (a future time on it schedules it)", permissions=["publish"])
    def publish(self, request, queryset):
        self._transition(request, queryset, workflow.publish, "Published")

    @admin.action(description="Unpublish (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        self._transition(request, queryset, workflow.unpublish, "Unpublished")

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def _transition(self, request, queryset, transition, done):
        """Run `transition` on each article; report what was done and what was refused, and why."""
        succeeded, refused = [], []
        for article in queryset:
            try:
                with reversion.create_revision():
                    transition(article=article, user=request.user)
                    reversion.set_user(request.user)
                    reversion.set_comment(f"{done} (bulk action).")
            except workflow.WorkflowError as refusal:
                refused.append(f"“{article}”: {refusal.message}")
                continue
            self.log_change(request, article, f"{done} (bulk action).")
            key, words = state(article)
            succeeded.append(f"“{article}”" + (f" ({words})" if key == "scheduled" else ""))
        if succeeded:
            self.message_user(request, f"{done}: {', '.join(succeeded)}.", messages.SUCCESS)
        if refused:
            self.message_user(
                request, f"Not done for {len(refused)}: {' '.join(refused)}", messages.WARNING
            )
