"""Imported by the reading workers' fork server (``sandbox``), never by the server itself: loads
the readers and the extraction and runs them once on a short notice, so that the vocabularies
and compiled rules every child needs are in memory before the first child is forked (a child
forked from a cold server would spend 0.2 s building them for each file)."""

from __future__ import annotations

from chidao.tracking.sandbox import read_document

_NOTICE = """THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp
1. Giao Sở Y tế chủ trì, phối hợp với các cơ quan liên quan triển khai kế hoạch, báo cáo trước ngày 30/6/2026.
"""

read_document(_NOTICE.encode(), "warm-up.txt")
