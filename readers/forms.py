from django import forms


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class NameForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=100, required=False)
