"""The front page editors make: layouts of zones and slots, the breaking-news banner, and
the page-view counts behind the "Most read" lists. It reads articles; the public site
reads it (`public → frontpage → articles`)."""
