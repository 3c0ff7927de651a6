"""How the outline's shape is read before its items: statements after the last item lifted out
of it."""

from __future__ import annotations

from chidao.document.outline import Node


class OutlineReading:
    """Part of ``TaskCutter`` (mixed into it; uses its reader, timing, tasks and caches)."""

    def _lift_trailing_statements(self, root: Node) -> None:
        """Paragraphs after the body's last item that open with their own subject ("Yêu cầu các
        sở, ban, ngành ... gửi báo cáo ... hằng tuần") are statements of the document, however
        deep the outline nested them under that item's last line ("- Thời gian hoàn thành: ...")."""
        marked = [i for i, child in enumerate(root.children) if child.marked]
        if not marked:
            return
        place = marked[-1] + 1  # after the last item, before the closing paragraphs the root holds
        chain: list[Node] = []
        node = root.children[marked[-1]]
        chain.append(node)
        while node.children:
            node = node.children[-1]
            chain.append(node)
        lifted: list[Node] = []
        for holder in reversed(chain[:-1]):  # the deepest holder first
            if not holder.marked:
                continue
            tail = len(holder.children)
            while tail and not holder.children[tail - 1].marked and not holder.children[tail - 1].children:
                tail -= 1
            keep = next(
                (
                    i
                    for i in range(tail, len(holder.children))
                    if self._assigns(holder.children[i])
                    or self._closing_statement(holder.children[i])
                    or self._standing_report(holder.children[i])
                ),
                None,
            )
            complete = self.text[self._body(holder)[1] - 1 : self._body(holder)[1]] in ".;"
            if keep is None or (keep == 0 and not complete):
                continue  # "a) Sở X:" over "Yêu cầu ...": the item's own text goes on below it
            lifted = holder.children[keep:] + lifted
            holder.children = holder.children[:keep]
        root.children[place:place] = lifted

    def _names_only(self, node: Node) -> bool:
        """Whether an item's own text is only who it is for: "5. Sở Y tế", "6. UBND các phường: A, B"."""
        start, end = self._body(node)
        mentions, after = self.reader.read_list(start, lenient=True, limit=end)
        return bool(mentions) and not self.key[after:end].strip(" :.;\n")
