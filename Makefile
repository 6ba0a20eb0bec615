# govplan: two commands set everything up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test eval perturb bench anchors fuzz venv clean

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

## Run the test suite (CI runs exactly this) on every core: pytest-xdist, one test file to a worker at a time
## (--dist loadfile: a file's module fixtures, such as the wheel's venv, are built once and its tests keep their order).
## TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

## Score extraction against the hand-checked gold set.
eval: $(STAMP)
	$(BIN)/govplan eval --by-split --interval

## Give every dev and seed document the shapes texts arrive in (portal chrome, PDF wraps, blank lines,
## indents, half-width punctuation, run-on paragraphs, Traditional script) and print F1 per shape beside the originals.
perturb: $(STAMP)
	$(BIN)/python scripts/perturb.py

## Measure speed against the OpenCC + jieba floor, then engine throughput (serial, --jobs 2, Dask). Bytecode is compiled first so that every
## measured process starts as an installed package does (an editable install compiles nothing
## ahead, and PYTHONDONTWRITEBYTECODE would make each process recompile the sources).
bench: $(STAMP)
	$(BIN)/python -m compileall -q govplan
	$(BIN)/python bench/run.py
	$(BIN)/python bench/engines.py

## govplan beside JioNLP (deadlines) and Recognizers-Text (targets) on the held-out split.
anchors: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[anchors]'
	$(BIN)/python bench/anchors.py

## Fuzz extract, validate, fmt and the .docx reader with atheris (not run by CI or make test):
## FUZZ_SECONDS per target (default 600), FUZZ_TARGETS to pick, FUZZ_MAX_LEN bytes per input;
## findings land in fuzz/out/TARGET/ (the corpus in fuzz/corpus/ grows from run to run).
## FUZZ_TIMEOUT is per input: with ruamel instrumented (fmt, validate) one 4 KB seed spec took
## 25 s on a loaded 2-core machine (0.1 s uninstrumented), so a 20 s limit reported a timeout that was load, not a defect.
FUZZ_SECONDS ?= 600
FUZZ_TIMEOUT ?= 60
FUZZ_MAX_LEN ?= 8192
FUZZ_TARGETS ?= extract validate fmt docx
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,fuzz]'
	$(BIN)/python fuzz/make_seeds.py
	for target in $(FUZZ_TARGETS); do \
	  dict=$$target.dict; case $$target in validate|fmt) dict=yaml.dict;; extract) dict=corpus/extract.dict;; esac; \
	  mkdir -p fuzz/out/$$target; \
	  (cd fuzz && ../$(BIN)/python fuzz_$$target.py corpus/$$target -dict=$$dict \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 -max_len=$(FUZZ_MAX_LEN) \
	    -artifact_prefix=out/$$target/ -print_final_stats=1) 2>&1 | tee fuzz/out/$$target/log.txt | tail -n 20; \
	done

clean:
	rm -rf $(VENV) .pytest_cache
