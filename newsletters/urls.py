from django.urls import path

from . import views

app_name = "newsletters"

urlpatterns = [
    path("", views.newsletter_list, name="list"),
    path("sign-up/", views.sign_up, name="sign_up"),
    path("confirm/<str:secret>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:key>/", views.unsubscribe, name="unsubscribe"),
    path("account/", views.account_subscriptions, name="account_subscriptions"),
    path("<slug:slug>/", views.newsletter_detail, name="detail"),
    path("<slug:slug>/<int:pk>/", views.edition_detail, name="edition"),
]
