"""The editors' contribution gate: every check a page must pass before it is published.

Each check is a function of what it reads (a file's text, a file, the loaded content) adding
to `Problems`; `campaign_kit.registry` lists them all and runs them, so the site build,
`make check` and CI see the same problems. Example pages (`sample: true`) are checked like any
other: editors copy them.
"""
