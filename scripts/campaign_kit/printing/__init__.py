"""Print kit: leaflets, posters and banners as print-ready PDFs from the content model.

`python -m campaign_kit.printing` writes dist/print/. It reads the same
`Content` as the site (never the Markdown files) and renders HTML templates
with WeasyPrint (CSS paged media: trim size, bleed, embedded subset fonts).
"""
