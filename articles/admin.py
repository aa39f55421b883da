from django.contrib import admin

from .models import Article, Authorship, Correction


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 1
    autocomplete_fields = ["author"]


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "primary_tag", "is_featured"]
    list_filter = ["status", "is_featured", "tags"]
    search_fields = ["title", "standfirst", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["primary_tag"]
    inlines = [AuthorshipInline, CorrectionInline]
    save_on_top = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("primary_tag")
