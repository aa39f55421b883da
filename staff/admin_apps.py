"""Django's admin app, configured to serve the staff site (apart from staff/apps.py, since
Django takes one default AppConfig per module)."""

from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Django's admin, served by a site that signs staff in with a second factor."""

    default_site = "staff.admin_site.StaffAdminSite"
