# Makefile - build scormc, the course in modules/, and run the tests
# SPDX-License-Identifier: MIT
#
#   make course   install what is missing, build scormc, build the course
#   make check    everything 'course' does, then every test
#   make bench    build the real and a generated course, timed
#   make asan     the unit, CLI and schema tests under ASan and UBSan
#   make valgrind the unit tests and full builds under valgrind
#   make fuzz     run the GIFT fuzz target (FUZZ_SECONDS, default 600)

# ---- settings you may change ------------------------------------------
CC       ?= cc
CLANG    ?= clang
CFLAGS   ?= -O2 -g
LDFLAGS  ?=
PREFIX   ?= /usr/local
B        ?= build
COURSE   ?= modules
DIST     ?= dist
SOURCE_DATE_EPOCH ?= 1767225600

WARN     = -Wall -Wextra -Wshadow -Wpointer-arith -Wstrict-prototypes \
           -Wmissing-prototypes -Wvla -Wformat=2
PKGS     = libxml-2.0 libzip lua5.4 libcmark-gfm jansson
WASM_CFLAGS = --target=wasm32 -O2 -nostdlib -ffreestanding \
           -fvisibility=hidden -Wall -Wextra \
           -Wl,--no-entry -Wl,--export-dynamic -Wl,--strip-all

# ---- the fixed part ---------------------------------------------------
# Recursive '=' so pkg-config runs only after the dependencies exist.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) \
             -Ilib -I$(B)/gen $(PKG_CFLAGS)

LIB_SRC    = $(wildcard lib/*.c)
LIB_OBJ    = $(LIB_SRC:lib/%.c=$(B)/lib/%.o) \
             $(B)/gen/schema_assets.o $(B)/gen/runtime_assets.o
RUNTIME    = $(wildcard lib/runtime/*)
SCHEMAS    = .cache/schemas
UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
DEPS_BUILD = $(B)/.deps-build
DEPS_TEST  = $(B)/.deps-test

.PHONY: all course check unit bench asan valgrind install clean

all: $(B)/scormc

course: $(B)/scormc
	$(B)/scormc build $(COURSE) -o $(DIST) --scorm 1.2
	$(B)/scormc build $(COURSE) -o $(DIST) --scorm 2004-4

check: all $(DEPS_TEST) $(UNIT_BIN)
	tests/run.sh $(B)

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

$(DEPS_BUILD): tools/deps.sh
	tools/deps.sh build
	@mkdir -p $(B) && touch $@

$(DEPS_TEST): tools/deps.sh package-lock.json $(DEPS_BUILD)
	tools/deps.sh test
	@touch $@

$(SCHEMAS)/.verified: schema/SHA256SUMS schema/PIN | $(DEPS_BUILD)
	tools/fetch-schemas.sh $(SCHEMAS)
	@touch $@

$(B)/bin2c: tools/bin2c.c | $(DEPS_BUILD)
	@mkdir -p $(B)
	$(CC) -O2 -Wall -Wextra -o $@ $<

$(B)/gen/schema_assets.c: $(B)/bin2c $(SCHEMAS)/.verified \
                          $(wildcard schema/*.xsd)
	@mkdir -p $(B)/gen $(B)/schemas/driver
	cp -R $(SCHEMAS)/scorm* $(B)/schemas/
	cp schema/*.xsd $(B)/schemas/driver/
	$(B)/bin2c $@ schema_assets $(B)/schemas \
	  $$(cd $(B)/schemas && find . -type f | sort | sed 's|^\.|$(B)/schemas|')

$(B)/runtime/scorer.wasm: lib/scorer.c lib/scorer.h | $(DEPS_BUILD)
	@mkdir -p $(B)/runtime
	$(CLANG) $(WASM_CFLAGS) -o $@ lib/scorer.c

$(B)/gen/runtime_assets.c: $(B)/bin2c $(RUNTIME) $(B)/runtime/scorer.wasm
	@mkdir -p $(B)/gen
	cp $(RUNTIME) $(B)/runtime/
	$(B)/bin2c $@ runtime_assets $(B)/runtime \
	  $$(find $(B)/runtime -type f | sort)

$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) $(ALL_CFLAGS) -w -c -o $@ $<

$(B)/lib/%.o: lib/%.c $(wildcard lib/*.h) | $(DEPS_BUILD)
	@mkdir -p $(B)/lib
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/libscormc.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/scormc: tools/scormc.c $(B)/libscormc.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libscormc.a $(LDFLAGS) $(PKG_LIBS) -lm

$(B)/tests/%: tests/unit/%.c $(B)/libscormc.a | $(DEPS_TEST)
	@mkdir -p $(B)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libscormc.a $(LDFLAGS) \
	  $(PKG_LIBS) $$(pkg-config --libs cmocka) -lm

# Sanitizer and valgrind runs use their own build folders.
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
            -fno-sanitize-recover=undefined

asan: $(DEPS_TEST)
	$(MAKE) B=build-asan CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
	  build-asan/scormc $(UNIT_SRC:tests/unit/%.c=build-asan/tests/%)
	@for t in build-asan/tests/test_*; do $$t || exit 1; done
	tests/cli/run.sh build-asan
	tests/schema/run.sh build-asan

valgrind: all $(UNIT_BIN)
	tests/valgrind.sh $(B)

bench: all
	tests/bench/run.sh $(B)

install: $(B)/scormc
	install -D -m 755 $(B)/scormc $(DESTDIR)$(PREFIX)/bin/scormc

clean:
	rm -rf $(B) build-asan $(DIST)

# ---- quiz core (gift, scorer, vectors, fuzz) ----
# 'make fuzz' runs the GIFT fuzz target under ASan and UBSan for
# FUZZ_SECONDS; new inputs go to $(B)/fuzz/corpus, crashes to
# tests/fuzz/findings/. 'make fuzz-merge' folds new coverage into the
# committed seed corpus, which test_gift replays in 'make check'.
FUZZ_SECONDS ?= 600
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 \
              -fsanitize=fuzzer,address,undefined \
              -fno-sanitize-recover=undefined -Ilib
FUZZ_SRC    = tests/fuzz/gift_fuzz.c lib/gift.c lib/diag.c lib/qtable.c \
              lib/scorer.c
FUZZ_RUN    = -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
              -dict=tests/fuzz/gift.dict

$(B)/fuzz/gift_fuzz: $(FUZZ_SRC) $(wildcard lib/*.h)
	@mkdir -p $(B)/fuzz
	$(CLANG) $(FUZZ_CFLAGS) -o $@ $(FUZZ_SRC)

fuzz: $(B)/fuzz/gift_fuzz
	@mkdir -p $(B)/fuzz/corpus tests/fuzz/findings
	$(B)/fuzz/gift_fuzz $(FUZZ_RUN) -max_total_time=$(FUZZ_SECONDS) \
	  -print_final_stats=1 -artifact_prefix=tests/fuzz/findings/ \
	  $(B)/fuzz/corpus tests/fuzz/corpus

# The scorer on arbitrary tables and responses (what a browser could
# hand the WebAssembly build).
$(B)/fuzz/scorer_fuzz: tests/fuzz/scorer_fuzz.c lib/scorer.c lib/scorer.h
	@mkdir -p $(B)/fuzz
	$(CLANG) $(FUZZ_CFLAGS) -o $@ tests/fuzz/scorer_fuzz.c lib/scorer.c

fuzz-scorer: $(B)/fuzz/scorer_fuzz
	@mkdir -p $(B)/fuzz/scorer-corpus tests/fuzz/findings
	$(B)/fuzz/scorer_fuzz -max_len=65536 -timeout=10 \
	  -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	  -artifact_prefix=tests/fuzz/findings/ \
	  $(B)/fuzz/scorer-corpus tests/fuzz/scorer-corpus

fuzz-merge: $(B)/fuzz/gift_fuzz
	$(B)/fuzz/gift_fuzz $(FUZZ_RUN) -merge=1 tests/fuzz/corpus \
	  $(B)/fuzz/corpus

.PHONY: fuzz fuzz-merge fuzz-scorer
# ---- end quiz core ----
