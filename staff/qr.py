"""QR codes drawn on the server as SVG: the authenticator key never leaves for a third party."""

import base64

import qrcode
import qrcode.image.svg


def qr_data_uri(text):
    """An <img> source showing `text` as a QR code, dark on white (scannable in dark mode too)."""
    image = qrcode.make(
        text,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
