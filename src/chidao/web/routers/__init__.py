"""One router per resource; ``chidao.web.app`` mounts them under /api/v1."""
