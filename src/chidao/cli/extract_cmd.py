"""``chidao extract``: read notices and print their tasks (table, json or jsonl)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from chidao.cli.table import print_table
from chidao.extract import extract
from chidao.text import ReadError
from chidao.text.readers import read_file


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
    help="table for people; jsonl (one object per file) for tools.",
)
@click.option("--trace", is_flag=True, help="Also print what each stage decided for each task.")
def extract_command(files: tuple[Path, ...], fmt: str, trace: bool) -> None:
    """Extract the tasks that each FILE (.txt, .md, .html, .docx, .doc, .odt, .rtf, .pdf, a scan) assigns.

    A file that cannot be read is reported on stderr in one line; the others
    are still processed, and the exit code is 2. A file the extractor fails on (a bug, not the
    file's fault) is reported the same way, the others still processed, and the exit code is 1.
    """
    failed = broken = False
    results = []
    for path in files:
        try:
            reading = read_file(path)
        except ReadError as error:
            click.echo(f"chidao: {error.path}: {error.reason}", err=True)
            failed = True
            continue
        try:
            extraction = extract(reading.text)
        except Exception as error:  # a bug in a rule: this file is reported, the batch goes on
            click.echo(f"chidao: {path}: extraction failed unexpectedly ({type(error).__name__}: {error})", err=True)
            broken = True
            continue
        result = {"source": str(path), **extraction.to_dict()}
        if reading.ocr:  # a scan: say so, with each page's confidence, for the reader to check
            result["ocr"] = [{"page": page.number, "confidence": page.confidence} for page in reading.ocr]
            pages = ", ".join(f"{page.number}: {page.confidence:g}%" for page in reading.ocr)
            click.echo(f"chidao: {path}: read by OCR, check the text (confidence by page {pages})", err=True)
        if trace:
            for task, item, assessment in zip(extraction.tasks, result["tasks"], extraction.assessments, strict=True):
                item["trace"] = task.trace
                item["signals"] = assessment.signals
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            results.append(result)
    if fmt == "json":
        click.echo(
            json.dumps(results if len(files) > 1 else (results[0] if results else None), ensure_ascii=False, indent=2)
        )
    elif fmt == "table":
        for result in results:
            print_table(result, trace=trace)
    if failed:
        sys.exit(2)
    if broken:
        sys.exit(1)
