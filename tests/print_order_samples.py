"""A complete print order of the fixture campaign, as the office would fill one in: what the print-order tests
break one field at a time and the launch check reads."""

from __future__ import annotations

from conftest import KIT_UNIT, kit_project

from campaign_kit.catalogue import GENERAL

CAMPAIGN = kit_project().content.campaign
FOLDED = next(f for f in CAMPAIGN.print_settings.leaflets if f.panels_mm)
WIDE = next(f for f in CAMPAIGN.print_settings.banners if f.width_mm > f.height_mm)
OTHER_UNIT = next(unit.key for unit in CAMPAIGN.admin_map.units if unit.key != KIT_UNIT)
SLOGAN = CAMPAIGN.slogans[0].key
# Test data, not content: obviously not a real licence or shop.
COMPLETE = f"""\
title: Lệnh in để kiểm thử
publisher: {next(iter(CAMPAIGN.agencies[CAMPAIGN.default_language]))}
licence: {{kind: quyet-dinh, number: KIỂM-THỬ-01, issuer: Cơ quan kiểm thử, date: 2026-11-30}}
printer: {{name: Xưởng in kiểm thử, address: Số 1 đường Kiểm Thử}}
legal_deposit: tháng 12/2026
press_profile: ghostscript-cmyk
large_page_scale: 10
products:
  - format: {FOLDED.key}
    subject: {GENERAL}
    runs: {{{KIT_UNIT}: 1500, {OTHER_UNIT}: 700}}
  - format: {WIDE.key}
    subject: {SLOGAN}
    finishing: Giao kèm dây buộc
    runs: {{moi-xa-phuong: 20}}
"""
