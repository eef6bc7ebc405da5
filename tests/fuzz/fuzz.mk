# fuzz.mk - libFuzzer harnesses for tact's parsers and loaders, included by
# the top Makefile (which defines LIB_SRC, HDRS, PKG_CFLAGS and PKG_LIBS).
#
#   make fuzz-build                  builds tests/fuzz/bin/fuzz_* with clang
#   make fuzz [FUZZ_SECONDS=60]      builds them, then runs each for that long
#   make fuzz FUZZ_TARGETS="jsonl"   only some harnesses
#   FUZZ_KNOWN=msg-ctl,user-version make fuzz
#                                    look past bugs already reported (fuzz.h)
#
# The project's core/ and crypto/ sources are compiled again with clang,
# -fsanitize=fuzzer-no-link,address,undefined, into tests/fuzz/bin/ (which
# git ignores), and each harness links only what it uses from that archive.
# Each run starts from the committed seed corpus tests/fuzz/corpus/NAME/,
# copied to a temporary folder so that what libFuzzer adds does not bloat
# the repository; a crash is saved as tests/fuzz/bin/crash-NAME-* and fails
# the target.  Needs clang and libclang-rt-14-dev (Debian).

FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_TARGETS ?= jsonl met date open vault guard
FUZZ_BIN = tests/fuzz/bin
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=gnu11 -O1 -g -Wall -Wextra -D_GNU_SOURCE -I. $(PKG_CFLAGS) $(FUZZ_SAN)
FUZZ_LIB_OBJ = $(LIB_SRC:%.c=$(FUZZ_BIN)/obj/%.o)
FUZZ_PROGS = $(FUZZ_TARGETS:%=$(FUZZ_BIN)/fuzz_%)

.PHONY: fuzz fuzz-build

fuzz-build: $(FUZZ_PROGS)

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ_TARGETS)

$(FUZZ_BIN)/obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BIN)/libtact-fuzz.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(FUZZ_BIN)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_BIN)/libtact-fuzz.a $(HDRS)
	@echo "  FUZZLD  $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_BIN)/libtact-fuzz.a \
		$(PKG_LIBS)

.PHONY: fuzz-clean
fuzz-clean:
	rm -rf $(FUZZ_BIN)
