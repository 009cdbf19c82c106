"""The production policy, in one place: what a public build (site or print) refuses.

Example content (`sample: true`) is fiction written to show editors the format,
and example addresses (RFC 2606 hosts) mean the real address is not known yet:
neither may reach the public.
"""

from __future__ import annotations

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
