# The two commands a newcomer needs: `make site` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site offline serve content test lint goldens bench chromium clean

$(BIN)/digest: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e .
	@touch $@

# The generator's bytecode, as a regular (not editable) install writes it: without it,
# where PYTHONDONTWRITEBYTECODE is set (as on CI machines), every digest run and each of
# its worker processes compiled the package's modules from source again.
$(VENV)/.bytecode: $(BIN)/digest $(wildcard generator/*.py generator/*/*.py)
	$(BIN)/python -m compileall -q generator
	@touch $@

$(VENV)/.test-tools: $(BIN)/digest
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $@

## site: install, generate content/ from seeds/ and build site/ (strict)
site: $(VENV)/.bytecode
	$(BIN)/mkdocs build --strict

## offline: build site-offline/, which works opened from disk (file://), search included
offline: $(VENV)/.bytecode
	$(BIN)/mkdocs build --strict -f mkdocs-offline.yml

## serve: preview on http://127.0.0.1:8000, rebuilding when a seed changes
serve: $(VENV)/.bytecode
	$(BIN)/mkdocs serve

## content: only generate content/ (any engine that reads mkdocs.yml can render it)
content: $(VENV)/.bytecode
	$(BIN)/digest build

## test: install the test tools (and Chromium, when root on Debian) and run the suite
test: $(VENV)/.test-tools $(VENV)/.bytecode chromium
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/pytest

## goldens: regenerate tests/goldens/ after an intended change to the pages; review the diff
goldens: $(VENV)/.test-tools
	$(BIN)/pytest tests/test_goldens.py --update-goldens

## chromium: the browser tests drive Debian's Chromium through Playwright
chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  echo "could not install chromium: the browser tests will skip and say why"; \
	else echo "chromium not found and not root: the browser tests will skip and say why"; fi

clean:
	rm -rf site site-offline content/stories content/index.md content/stories.json \
		content/rss.xml content/atom.xml content/feed.json tests/artifacts .cache
