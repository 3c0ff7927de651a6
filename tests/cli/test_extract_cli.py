import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "chidao.cli", *args], capture_output=True, text=True, **kwargs)


def test_jsonl_contract():
    proc = run("extract", "--format", "jsonl", str(EXAMPLES / "cv-giao-nhiem-vu-y-te.txt"))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["source"].endswith("cv-giao-nhiem-vu-y-te.txt")
    assert set(obj["document"]) >= {"doc_type", "number", "place", "date", "title", "chair", "signer", "is_directive"}
    task = obj["tasks"][0]
    assert set(task) >= {"text", "span", "lead", "coordinators", "deadline", "deadline_text", "recurrence"}


def test_table_renders_vietnamese():
    proc = run(
        "extract", str(EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt"), env={"COLUMNS": "160", "PATH": "/usr/bin:/bin"}
    )
    assert proc.returncode == 0, proc.stderr
    assert "Chủ trì" in proc.stdout and "Sở Thông tin và Truyền thông" in proc.stdout
    assert "30/04/2024" in proc.stdout


def test_bad_files_are_reported_and_the_rest_processed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = run(
        "extract",
        "--format",
        "jsonl",
        str(tmp_path / "missing.txt"),
        str(empty),
        str(EXAMPLES / "cv-giao-nhiem-vu-y-te.txt"),
    )
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "missing.txt" in errors[0] and "Traceback" not in proc.stderr
    assert "empty.txt" in errors[1]
    assert len(proc.stdout.strip().splitlines()) == 1


def test_a_garbled_pdf_is_one_line_on_stderr_and_exit_code_2(garbled_pdf):
    proc = run("extract", "--format", "jsonl", str(garbled_pdf), str(EXAMPLES / "cv-giao-nhiem-vu-y-te.txt"))
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and "Traceback" not in proc.stderr
    assert errors[0].startswith(f"chidao: {garbled_pdf}: garbled text layer (")
    assert len(proc.stdout.strip().splitlines()) == 1  # the other file is still processed


def test_without_libreoffice_or_tesseract_each_file_is_one_line_and_exit_code_2(tmp_path):
    import os

    rtf = tmp_path / "tb.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi Giao S\\'f4 Y t\\'e9 ch\\'fa tr\\'ec.}")
    png = tmp_path / "tb-quet.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    proc = run("extract", "--format", "jsonl", str(rtf), str(png), env={**os.environ, "PATH": "/nonexistent"})
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"chidao: {rtf}: cannot read RTF files: LibreOffice (soffice) is not installed",
        f"chidao: {png}: a scan needs OCR, and Tesseract with its Vietnamese model (tesseract-ocr-vie)"
        " is not installed",
    ]


def test_a_tcvn3_text_file_is_converted_and_extracted(tmp_path):
    from chidao.text.readers.legacy_codec import encode

    notice = tmp_path / "tb-tcvn3.txt"
    notice.write_bytes(encode("Giao Sở Y tế chủ trì tổ chức tiêm chủng trước ngày 30/6/2026.", "tcvn3"))
    proc = run("extract", "--format", "jsonl", str(notice))
    assert proc.returncode == 0, proc.stderr
    (task,) = json.loads(proc.stdout)["tasks"]
    assert task["lead"] == ["Sở Y tế"] and task["deadline"] == "2026-06-30"


def test_a_file_the_extractor_fails_on_is_reported_in_one_line_and_the_batch_goes_on(tmp_path, monkeypatch):
    """A bug in a rule (injected: the extractor raises on one text) costs that file, not the batch,
    and no traceback reaches the user."""
    from click.testing import CliRunner

    import chidao.cli.extract_cmd as command

    real = command.extract

    def extract(text):
        if "HỎNG" in text:
            raise ValueError("'lead' is not in list")
        return real(text)

    monkeypatch.setattr(command, "extract", extract)
    broken = tmp_path / "hong.txt"
    broken.write_text("HỎNG\n1. Giao Sở Y tế rà soát.\n", encoding="utf-8")
    good = EXAMPLES / "cv-giao-nhiem-vu-y-te.txt"
    result = CliRunner().invoke(command.extract_command, ["--format", "jsonl", str(broken), str(good)])
    assert result.exit_code == 1
    assert len(result.stdout.strip().splitlines()) == 1 and "cv-giao-nhiem-vu-y-te.txt" in result.stdout
    message = "extraction failed unexpectedly (ValueError: 'lead' is not in list)"
    assert result.stderr.strip() == f"chidao: {broken}: {message}"
    assert "Traceback" not in result.output
