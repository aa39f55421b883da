"""The editorial workflow's services, one module per subject; `articles.workflow` gathers
the public ones, so callers read `workflow.publish(...)`.

    errors          the refusals (WorkflowError and its kinds)
    permissions     who may do what to an article
    publishing      saving an article; review, publication, unpublication, deletion
    addresses       slugs and the old addresses that keep answering
    corrections     corrections printed under a story
    revisions       restores and recoveries from the stored revisions
    preview_links   shareable previews of unpublished stories
    live            live coverage: its entries, started and ended
"""
