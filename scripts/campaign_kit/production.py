"""The production policy, in one place: what a public build refuses.

Example content (`sample: true`) is fiction written to show editors the format,
and example addresses (RFC 2606 hosts) mean the real address is not known yet:
neither may reach the public, on the site or on paper (`check_production`).

A print run adds the press guard (`check_press`): a leaflet that promises its unit's
contacts when none is known, a translation nobody has reviewed unless the product says so;
a print order adds its own (`check_order`: publisher, licence, printer, print runs, legal
deposit, which the order alone holds). The website publishes no print file outside an
approved print order, so missing print data never stops it: `make site PRODUCTION=1`
applies `check_production` only (`project.load(production=True)`), `make print
PRODUCTION=1` both (`project.load(production=True, press=True)`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .catalogue import ORIGINAL, Product, catalogue, translation_status
from .model.content import Content
from .model.errors import Problems
from .model.figures import due_changes, number, span
from .model.placeholders import find_placeholders
from .model.print_order import MAX_PAGE_UNITS
from .printing.sheet import PT_PER_MM, sheet

if TYPE_CHECKING:
    from .printing.orders import Order


def check_production(content: Content, problems: Problems) -> None:
    campaign = content.campaign
    for key, url in campaign.site.placeholder_addresses.items():
        problems.add(
            campaign.root / "site.yml",
            1,
            f"bản chính thức chưa có địa chỉ thật: {key} “{url}” vẫn là địa chỉ tạm.",
            "Ghi địa chỉ thật vào campaign/site.yml (nhờ người phụ trách kỹ thuật).",
        )
    for page in content.samples():
        problems.add(
            page.path,
            1,
            "bản chính thức không được đăng nội dung minh họa (sample: true).",
            "Xóa trang minh họa này, hoặc thay bằng câu chuyện thật đã có giấy đồng ý.",
        )
    for recorded in content.activities:
        if recorded.activity.sample:
            problems.add(
                recorded.path,
                recorded.line,
                f"bản chính thức không được đăng hoạt động minh họa (sample: true): “{recorded.activity.key}”.",
                "Xóa tệp hoạt động minh họa khỏi campaign/activities/.",
            )


def check_press(content: Content, problems: Problems) -> None:
    """What a print run adds to the policy, for every product of the catalogue (the products' words
    come from pages `check_production` checks). The publication data and print runs are the order's
    (`check_order`)."""
    campaign = content.campaign
    products = catalogue(content)
    _check_print_date(content, problems)
    units = dict.fromkeys(product.unit for product in products if product.unit)
    for key in units:
        if not campaign.contacts_of(key):
            name = campaign.admin_map.unit(key).name
            problems.add(
                campaign.root / "contacts.yml",
                1,
                f"tờ rơi in cho {name} hứa ghi nơi hỏi của đơn vị, nhưng chưa có liên hệ nào đã kiểm chứng (có nguồn).",
                "Thêm số điện thoại, địa chỉ của đơn vị này (có nguồn, ngày kiểm tra) vào campaign/contacts.yml.",
            )
    if campaign.print_settings.mark_unreviewed_translations:
        return
    for product in products:
        if translation_status(content, product) not in (ORIGINAL, "reviewed"):
            problems.add(
                campaign.root / "print.yml",
                1,
                f"{product.filename}: bản dịch chưa được người bản ngữ kiểm tra, và sản phẩm không ghi điều đó "
                "(mark_unreviewed_translations: false).",
                "Nhờ người bản ngữ kiểm tra bản dịch (status: reviewed), hoặc đặt mark_unreviewed_translations: true.",
            )


def _check_print_date(content: Content, problems: Problems) -> None:
    """A leaflet lasts: printed within the notice window of a change, it would soon be wrong. The run
    waits for the change, or the office accepts it (print.yml print_across_changes) and the leaflets
    carry both values with their dates."""
    campaign = content.campaign
    accepted = set(campaign.print_settings.print_across_changes)
    for change in due_changes(campaign.figures, content.today, campaign.notice_days):
        if change.key in accepted or change.key not in _printed_figures(content):
            continue
        message = (
            f"đổi thành {number(change.upcoming.value)} {span(change.upcoming)}" if change.upcoming else "hết áp dụng"
        )
        problems.add(
            campaign.root / "print.yml",
            1,
            f"số liệu “{change.key}” ({change.figure.label}) {message}"
            + f" vào ngày {change.day:%d/%m/%Y}, trong vòng {campaign.notice_days} ngày kể từ ngày in"
            + f" ({content.today:%d/%m/%Y}): tờ rơi in hôm nay sẽ sớm sai.",
            f"Chờ đến ngày đổi rồi mới in, hoặc ghi “{change.key}” vào print_across_changes trong campaign/print.yml"
            " nếu cơ quan chủ trì chấp nhận in tờ rơi ghi cả hai mức kèm ngày.",
        )


def _printed_figures(content: Content) -> set[str]:
    """Figures a leaflet prints: those in the policies' key points (the leaflets' words)."""
    return {
        placeholder.name
        for policy in content.items("policy")
        for _line, value in policy.front_values()
        for placeholder in find_placeholders(value)
        if placeholder.kind == "figure" and placeholder.on is None
    }


def check_order(content: Content, order: Order, problems: Problems) -> None:
    """The press guard of a print order (make print ORDER=…): what the law asks of a publication (the
    publisher, the licence or decision, the printer, the print run, legal deposit) and what the shop
    needs, for exactly the ordered products. The site's policy (check_production) is applied beside it."""
    source = order.source
    path, data = source.path, source.order
    if data.sample:
        problems.add(
            path,
            source.line_of("sample"),
            "lệnh in minh họa (sample: true) không được in: nó chỉ cho thấy cách ghi một lệnh in.",
            "Chép tệp này thành một lệnh in mới, ghi thông tin thật và bỏ dòng sample.",
        )
    required = {
        "licence": ("giấy phép hoặc quyết định xuất bản (licence)", "kind, number, issuer, date"),
        "printer": ("cơ sở in (printer)", "name, address"),
        "legal_deposit": ("tháng, năm nộp lưu chiểu (legal_deposit)", "ví dụ: tháng 12/2026"),
    }
    for field, (what, example) in required.items():
        if getattr(data, field) is None:
            problems.add(
                path,
                source.line_of(field),
                f"lệnh in thiếu {what}: luật xuất bản yêu cầu in thông tin này trên tài liệu không kinh doanh.",
                f"Ghi {field} ({example}) theo giấy tờ của cơ quan xuất bản; không tự đặt ra.",
            )
    for index, line in enumerate(data.products):
        if not line.runs:
            problems.add(
                path,
                source.line_of("products", index),
                f"dòng đặt in “{line.subject}” khổ {line.format} chưa có số bản in (runs).",
                "Ghi số bản cho từng đơn vị (hoặc moi-xa-phuong cho bản chung), ví dụ: runs: {moi-xa-phuong: 500}.",
            )
    campaign = content.campaign
    products = [item.product for item in order.products]
    for unit in dict.fromkeys(product.unit for product in products if product.unit):
        if not campaign.contacts_of(unit):
            problems.add(
                path,
                source.line_of("products"),
                f"tờ rơi in cho {campaign.admin_map.unit(unit).name} hứa ghi nơi hỏi của đơn vị, "
                "nhưng chưa có liên hệ nào đã kiểm chứng (có nguồn).",
                "Thêm số điện thoại, địa chỉ của đơn vị này (có nguồn, ngày kiểm tra) vào campaign/contacts.yml,"
                " hoặc đặt in bản chung (moi-xa-phuong).",
            )
    for product in products:
        units = page_units(content, product) / data.large_page_scale
        if units > MAX_PAGE_UNITS:
            problems.add(
                path,
                source.line_of("large_page_scale"),
                f"{product.filename}: trang rộng {units:,.0f} đơn vị, quá {MAX_PAGE_UNITS:,} đơn vị (200 inch) của"
                " trang PDF không có UserUnit: nhiều máy RIP cắt bớt hoặc từ chối tệp.",
                "Ghi large_page_scale: 10 (tệp tỉ lệ 1:10 có UserUnit 10), theo cách cơ sở in chọn.",
            )
    _check_print_date(content, problems)
    if not campaign.print_settings.mark_unreviewed_translations:
        for product in products:
            if translation_status(content, product) not in (ORIGINAL, "reviewed"):
                problems.add(
                    path,
                    source.line_of("products"),
                    f"{product.filename}: bản dịch chưa được người bản ngữ kiểm tra.",
                    "Nhờ người bản ngữ kiểm tra bản dịch (status: reviewed) trước khi đặt in.",
                )


def page_units(content: Content, product: Product) -> float:
    """The longer side of a product's page in PDF units at full size (points): the trim and the bleed."""
    settings = content.campaign.print_settings
    finished = sheet(product.format, settings.safe_mm)
    return (max(finished.width_mm, finished.height_mm) + 2 * settings.bleed_mm) * PT_PER_MM
