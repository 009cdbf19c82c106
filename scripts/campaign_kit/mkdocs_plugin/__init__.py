"""The thin adapter that plugs the content model into MkDocs."""
