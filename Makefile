# chidao — two commands: `make run` and `make test`. Everything else is a helper of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHIDAO_CORPUS ?= ../shared/corpus
SCORE := $(CHIDAO_CORPUS)/../tools/score.py

.PHONY: run test lint eval bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Set up, create the embedded SQLite database (data/chidao.sqlite3) if there is none, load and
# confirm the bundled example notices into it, create an admin whose password is printed once, and serve the pages
# (the dashboard at http://127.0.0.1:8000/) and the API. LibreOffice (Word 97 .doc, .odt, .rtf) and Tesseract
# (scans) are installed when missing and possible; without them those files are refused with a reason.
run: $(VENV)/.installed
	-./scripts/ensure-libreoffice
	-./scripts/ensure-tesseract
	$(BIN)/chidao extract examples/tb-ket-luan-chuyen-doi-so.txt
	$(BIN)/chidao init
	$(BIN)/chidao ingest --confirm examples/*.txt
	$(BIN)/chidao user add admin --role admin --generate-password --if-missing
	@echo "Mở http://127.0.0.1:8000/ (tổng quan) — API: http://127.0.0.1:8000/api/v1/docs"
	$(BIN)/chidao serve --host 127.0.0.1 --port 8000

# Lint, then every test (the corpus tests run when CHIDAO_CORPUS is set; the browser tests use
# Debian's chromium, the PDF reader tests Debian's LibreOffice and fonts, the OCR tests Debian's Tesseract,
# installed here when missing), in one pytest-xdist worker per core; a test file stays on one worker,
# so its module fixtures are built once.
test: $(VENV)/.installed
	./scripts/ensure-chromium
	./scripts/ensure-libreoffice
	./scripts/ensure-tesseract
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest -q -n auto --dist loadfile

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks

# Score extraction on the shared corpus with the official metric, then how well the tasks'
# confidence ranks the wrong ones on dev (scripts/confidence_table.py).
eval: $(VENV)/.installed
	@for set in seeds dev; do \
	  echo "== $$set"; \
	  $(BIN)/chidao extract --format jsonl $(CHIDAO_CORPUS)/$$set/*.txt > $(VENV)/pred-$$set.jsonl; \
	  $(PYTHON) $(SCORE) $(CHIDAO_CORPUS)/$$set $(VENV)/pred-$$set.jsonl; \
	done
	@echo "== confidence on dev"
	@$(PYTHON) scripts/confidence_table.py $(SCORE) $(CHIDAO_CORPUS)/dev $(VENV)/pred-dev.jsonl

# Speed of the whole pipeline against underthesea's word_tokenize on the same texts.
bench: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/extract_speed.py $(CHIDAO_CORPUS)/seeds $(CHIDAO_CORPUS)/dev

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
