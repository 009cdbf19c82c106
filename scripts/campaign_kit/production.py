"""The production policy, in one place: what a public build (site or print) refuses.

Example content (`sample: true`) is fiction written to show editors the format,
and example addresses (RFC 2606 hosts) mean the real address is not known yet:
neither may reach the public. A production build publishes the print kit, so the
policy covers every print product too: a leaflet that promises its unit's contacts
when none is known, a translation nobody has reviewed unless the product says so.
`make site PRODUCTION=1` and `make print PRODUCTION=1` apply it through
`project.load(production=True)`.
"""

from __future__ import annotations

from .catalogue import ORIGINAL, Product, catalogue, translation_status
from .model.content import Content
from .model.errors import Problems


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
    _check_print(content, catalogue(content), problems)


def _check_print(content: Content, products: list[Product], problems: Problems) -> None:
    """What the print products add to the policy (their words come from pages checked above)."""
    campaign = content.campaign
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
