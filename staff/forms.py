"""The second-factor forms: a code at sign-in, a code to turn an app on."""

from django import forms

from .two_factor import normalise


def _code_input(**attrs):
    return forms.TextInput(
        attrs={
            "autocomplete": "one-time-code",
            "autocapitalize": "off",
            "spellcheck": "false",
            "autofocus": True,
            **attrs,
        }
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        widget=_code_input(),
        help_text="The six digits your authenticator app shows now, or one of your backup codes.",
    )


class EnrolForm(forms.Form):
    code = forms.CharField(
        label="Code from the app",
        max_length=20,
        widget=_code_input(inputmode="numeric"),
        help_text="After adding the key, type the six digits the app shows for it.",
    )

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Type the six digits the app shows, with nothing else.")
        return code
