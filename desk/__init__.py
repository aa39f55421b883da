"""The editorial back office: every admin of ours, the desk's views, previews and helpers.

Models stay in the apps that own them (articles, authors, public); every write goes
through their services. Nothing below imports this app.
"""
