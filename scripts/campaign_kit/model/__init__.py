"""The content model: `campaign/` and `docs/` parsed and validated into typed objects.

Nothing here renders or checks content for publication; the gate (`campaign_kit.checks`)
and every output read what this package loads.
"""
