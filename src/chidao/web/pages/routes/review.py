"""Upload and review of notices (to be filled in)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
