"""One mail over Django's SMTP connection, with the ledger written inside the SMTP
transaction: after the server has the whole message, before the end-of-data mark.

An SMTP server accepts a message only when it reads the final "." line (RFC 5321
§4.1.1.4); a connection lost before it is a transaction aborted, and nothing is
delivered. So the sender writes the message, then commits the ledger row as sent, then
writes the mark:

- killed before the commit: the server drops the partial message and the row is still
  claimed, so a re-run sends it, once;
- killed after the commit: the row says sent; the mark is a few bytes away in the same
  process, so the only loss is a kill in the microseconds between the commit returning
  and one `send()` (the mail is then lost, never doubled).

A server that refuses the message after the mark (a 5xx for its content) is recorded by
the caller: the row goes from sent to failed.
"""

import re
import smtplib
import socket

from django.core.mail.message import sanitize_address

_LEADING_DOT = re.compile(rb"(?m)^\.")


class RefusedAfterData(Exception):
    def __init__(self, code, reply):
        super().__init__(f"{code} {reply.decode(errors='replace')}")
        self.code = code


def send(connection: smtplib.SMTP, message, *, before_end) -> None:
    """Send the Django EmailMessage `message`; call `before_end()` once the server holds
    all of it but has not yet accepted it. Raises smtplib's errors before that call, and
    RefusedAfterData after it."""
    encoding = message.encoding or "utf-8"
    sender = sanitize_address(message.from_email, encoding)
    recipients = [sanitize_address(addr, encoding) for addr in message.recipients()]
    data = message.message().as_bytes(linesep="\r\n")

    # The end-of-data mark goes out in a write of its own, right after the message: without
    # TCP_NODELAY, Nagle's algorithm holds it until the server acknowledges the message,
    # which a delayed ACK puts off by up to 40 ms a mail.
    connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    connection.ehlo_or_helo_if_needed()
    code, reply = connection.mail(sender)
    if code != 250:
        connection.rset()
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    for recipient in recipients:
        code, reply = connection.rcpt(recipient)
        if code not in (250, 251):
            connection.rset()
            raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
    code, reply = connection.docmd("DATA")
    if code != 354:
        connection.rset()
        raise smtplib.SMTPDataError(code, reply)
    body = _LEADING_DOT.sub(b"..", data)
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    connection.send(body)
    before_end()
    connection.send(b".\r\n")
    code, reply = connection.getreply()
    if code != 250:
        raise RefusedAfterData(code, reply)
