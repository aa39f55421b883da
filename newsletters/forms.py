from django import forms


class SignUpForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    # Slugs of the newsletters asked for; none: those offered under every story.
    newsletter = forms.SlugField(required=False)
