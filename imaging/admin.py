from django.contrib import admin

from .models import PhotoCredit


@admin.register(PhotoCredit)
class PhotoCreditAdmin(admin.ModelAdmin):
    list_display = ["sha256", "credit", "copyright", "updated_at"]
    search_fields = ["credit", "copyright", "=sha256"]
    readonly_fields = ["sha256", "updated_at"]
