"""The production policy, in one place: what a public build refuses.

Example content (`sample: true`) is fiction written to show editors the format,
and example addresses (RFC 2606 hosts) mean the real address is not known yet:
neither may reach the public, on the site or on paper (`check_production`).

A print run adds the press guard (`check_press`): a leaflet that promises its unit's
contacts when none is known, a blank colophon or print run, a translation nobody has
reviewed unless the product says so. The website publishes no print file outside an
approved print order, so missing print data never stops it: `make site PRODUCTION=1`
applies `check_production` only (`project.load(production=True)`), `make print
PRODUCTION=1` both (`project.load(production=True, press=True)`).
"""

from __future__ import annotations

from .catalogue import ORIGINAL, catalogue, translation_status
from .model.content import Content
from .model.errors import Problems
from .model.figures import due_changes, number, span
from .model.placeholders import find_placeholders


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
    come from pages `check_production` checks)."""
    campaign = content.campaign
    products = catalogue(content)
    _check_print_date(content, problems)
    formats = dict.fromkeys(product.format.key for product in products if product.format.quantity is None)
    for key in formats:
        problems.add(
            campaign.root / "print.yml",
            1,
            f"khổ “{key}” chưa có số bản in (quantity): lệnh in và dòng thông tin xuất bản cần số này.",
            "Ghi số bản in do cơ quan chủ trì quyết định vào campaign/print.yml.",
        )
    if any(product.has_colophon for product in products):
        colophon = campaign.print_settings.colophon
        for field, value in colophon.model_dump().items():
            if value is None:
                problems.add(
                    campaign.root / "print.yml",
                    1,
                    f"dòng thông tin xuất bản (tờ rơi, áp phích) còn để trống “colophon: {field}”.",
                    "Ghi giấy phép xuất bản, nơi in và tháng nộp lưu chiểu vào campaign/print.yml (mục colophon).",
                )
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
