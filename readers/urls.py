from django.urls import path

from . import views

app_name = "readers"

urlpatterns = [
    path("", views.account_page, name="account"),
    path("sign-in/", views.ask_for_link, name="ask_for_link"),
    path("link/<str:secret>/", views.link, name="link"),
    path("name/", views.change_name, name="change_name"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
    path("me.json", views.me, name="me"),
]
