from django import forms
from django.utils.translation import gettext_lazy as _


class SignUpForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    # Slugs of the newsletters asked for; none: those offered under every story.
    newsletter = forms.SlugField(required=False)
