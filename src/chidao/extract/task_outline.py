"""How the outline's shape is read before its items: statements after the last item lifted out
of it; lines that state a fact ("Thành phần: ...") kept out of the items."""

from __future__ import annotations

from chidao.document.outline import Node
from chidao.extract.task_types import Context
from chidao.extract.task_words import _FACT_LABEL


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

    def _fact_line(self, opening: int, end: int, ctx: Context, marked: bool) -> bool:
        """Whether a unit opens with a line that states a fact, which is then no task, however
        many clauses it runs to ("- Thành phần: Các Phó Chủ tịch UBND tỉnh; các thành viên UBND
        tỉnh; ...", genre g1344); the lines after it are read on as a unit of their own."""
        if not _FACT_LABEL.match(self.key, opening, end):
            return False
        self.skip(opening, "narration")
        line_end = self.text.find("\n", opening, end)
        if line_end >= 0 and self.text[line_end:end].strip():
            self._unit(line_end + 1, end, ctx, marked=marked)
        return True

    def _new_sentence(self, pos: int) -> bool:
        """Whether ``pos`` starts a sentence (after ".", "!" or "?"), not a clause after ";"."""
        before = self.text[max(0, pos - 3) : pos].rstrip()
        return bool(before) and before[-1] in ".!?"
