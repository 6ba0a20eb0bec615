# govplan: two commands set everything up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test eval bench anchors venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q govplan
	touch $(STAMP)

## Extract every notice of the bundled corpus into specs/ and print a summary.
run: $(STAMP)
	$(BIN)/govplan extract corpus/seeds -o specs --force

## Run the test suite (CI runs exactly this).
test: $(STAMP)
	$(BIN)/python -m pytest

## Score extraction against the hand-checked gold set.
eval: $(STAMP)
	$(BIN)/govplan eval --by-split

## Measure speed against the OpenCC + jieba floor. Bytecode is compiled first so that every
## measured process starts as an installed package does (an editable install compiles nothing
## ahead, and PYTHONDONTWRITEBYTECODE would make each process recompile the sources).
bench: $(STAMP)
	$(BIN)/python -m compileall -q govplan
	$(BIN)/python bench/run.py

## govplan beside JioNLP (deadlines) and Recognizers-Text (targets) on the held-out split.
anchors: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[anchors]'
	$(BIN)/python bench/anchors.py

clean:
	rm -rf $(VENV) .pytest_cache
