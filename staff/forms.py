"""The second-factor forms: a code at sign-in, a code to turn an app on, and the password
or a current code before a second factor already on the account changes."""

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


def _proof_field(help_text):
    return forms.CharField(
        label="Your password, or a current code",
        max_length=128,
        strip=False,  # a password is compared as typed
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=help_text,
    )


class ConfirmForm(forms.Form):
    """Who asks to change the second factor: the account's password or a current code."""

    proof = _proof_field(
        "Your password, the six digits your app shows now, or an unused backup code."
    )


class EnrolForm(forms.Form):
    code = forms.CharField(
        label="Code from the app",
        max_length=20,
        widget=_code_input(inputmode="numeric"),
        help_text="After adding the key, type the six digits the app shows for it.",
    )

    def __init__(self, *args, replacing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if replacing:
            self.fields["proof"] = _proof_field(
                "To replace your current app: your password, the six digits the current app "
                "shows now, or an unused backup code."
            )

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Type the six digits the app shows, with nothing else.")
        return code
