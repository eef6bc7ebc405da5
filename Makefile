# Makefile for tact.  `make` builds ./tact; `make check` runs every test;
# `make check-asan` the same under AddressSanitizer and UBSan; `make demo`
# walks through tact on a throw-away vault; `make bench` measures speed.
# Missing Debian packages are installed first (mk/deps.sh).

PREFIX ?= /usr/local
DESTDIR ?=
PKGS = sqlite3 libpq libsodium openssl jansson libical inih
CC ?= cc
OPT ?= -O2 -g
BUILD ?= build

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS)) -lcsv -lunistring -lzxcvbn
XCFLAGS = -std=gnu11 $(OPT) -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wmissing-prototypes -Wmissing-declarations -Wno-format-nonliteral \
	-D_GNU_SOURCE -I. -fstack-protector-strong -D_FORTIFY_SOURCE=2 $(PKG_CFLAGS) $(SAN)
XLDFLAGS = $(SAN) -Wl,-z,relro,-z,now

CMD_SRC = $(sort $(wildcard cmd/*.c))
LIB_SRC = $(sort $(wildcard core/*/*.c crypto/*.c))
TEST_SRC = $(sort $(wildcard tests/check_*.c)) tests/fixture.c
CMD_OBJ = $(CMD_SRC:%.c=$(BUILD)/%.o)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ = $(TEST_SRC:%.c=$(BUILD)/%.o)
HDRS = $(wildcard cmd/*.h core/*/*.h crypto/*.h tests/*.h)
MANS = $(wildcard man/*.1)

.PHONY: all deps test-deps check check-layout check-unit check-e2e check-asan check-privacy \
	check-valgrind check-install demo bench install uninstall completion lint-man clean fuzz
.PHONY: check-e2e-pg

all: deps
	@$(MAKE) --no-print-directory tact

deps:
	@sh mk/deps.sh build

test-deps:
	@sh mk/deps.sh test

tact: $(BUILD)/tact
	@cp $(BUILD)/tact tact.tmp && mv -f tact.tmp tact

$(BUILD)/tact: $(CMD_OBJ) $(LIB_OBJ)
	@echo "  LD      $@"
	@$(CC) $(XLDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(XCFLAGS) -c -o $@ $<

# free() is wrapped so that tests/check_wipe.c can look into every buffer
# tact's objects give back (the real one is __real_free).
$(BUILD)/check_tact: $(TEST_OBJ) $(LIB_OBJ)
	@echo "  LD      $@"
	@$(CC) $(XLDFLAGS) -Wl,--wrap=free -o $@ $^ $(PKG_LIBS) $(shell pkg-config --libs check)

# Every `Suite *make_X_suite(void)` of tests/check_*.c, for the one runner.
$(BUILD)/tests/suites.inc: $(TEST_SRC)
	@mkdir -p $(dir $@)
	@grep -hoE '^(Suite \*)?make_[a-z0-9_]+_suite\(void\)$$' $(TEST_SRC) | \
		sed -E 's/^(Suite \*)?(make_[a-z0-9_]+_suite).*/SUITE(\2)/' | sort -u > $@.tmp
	@cmp -s $@.tmp $@ 2>/dev/null || mv $@.tmp $@; rm -f $@.tmp

$(BUILD)/tests/%.o: tests/%.c $(HDRS) $(BUILD)/tests/suites.inc
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(XCFLAGS) -I$(BUILD)/tests $(shell pkg-config --cflags check) -c -o $@ $<

check: test-deps
	@$(MAKE) --no-print-directory check-layout check-unit check-e2e check-privacy lint-man check-install
	@if bash tests/pg/cluster.sh have; then $(MAKE) --no-print-directory check-e2e-pg; \
	else echo "check-e2e-pg: skipped, no PostgreSQL server here (apt-get install postgresql)"; fi

# The layering rules of STYLE.md on the sources and, with nm, on the objects
# (mk/check-layout.py); then the proof that each rule bites (tests/layout/).
check-layout: $(CMD_OBJ) $(LIB_OBJ)
	@python3 mk/check-layout.py --build $(BUILD)
	@CC="$(CC)" python3 tests/layout/selftest.py --build $(BUILD)

check-unit: $(BUILD)/check_tact
	$(BUILD)/check_tact

check-e2e: tact
	TACT_BIN=$(CURDIR)/tact bash tests/e2e/run.sh

# The end-to-end suite again on PostgreSQL: a throw-away cluster on
# loopback, started and removed by tests/pg/e2e.sh.
check-e2e-pg: tact
	bash tests/pg/e2e.sh $(CURDIR)/tact

# make install and make uninstall into a throw-away DESTDIR (mk/check-install.sh).
check-install: tact
	@MAKE="$(MAKE)" sh mk/check-install.sh

lint-man:
	@for m in $(MANS); do mandoc -T lint -W warning $$m || exit 1; done; echo "man pages: lint clean"

check-asan: test-deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		build-asan/check_tact build-asan/tact
	CK_FORK=no ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		build-asan/check_tact
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		TACT_BIN=$(CURDIR)/build-asan/tact bash tests/e2e/run.sh

# The adversary test of debrief scripts and the refusal rate on ordinary
# turndowns (tests/privacy/run.py), and the same for the coaching call of
# a client's feedback (tests/privacy/feedback.py): a few thousand of tact's
# own scripts each.
PRIVACY_N ?= 3000
check-privacy: tact
	python3 tests/privacy/run.py ./tact $(PRIVACY_N)
	python3 tests/privacy/feedback.py ./tact $(PRIVACY_N)

check-valgrind: test-deps $(BUILD)/check_tact
	CK_FORK=no valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		$(BUILD)/check_tact

demo: deps
	@$(MAKE) --no-print-directory tact
	@bash mk/demo.sh $(CURDIR)/tact

bench: test-deps
	@$(MAKE) --no-print-directory tact
	@bash bench/run.sh $(CURDIR)/tact

# The bash completion is generated from the command table (cmd/completion.c),
# so it lists exactly the commands and options the binary has.
COMPLETION_DIR = $(PREFIX)/share/bash-completion/completions

$(BUILD)/tact.bash: $(BUILD)/tact
	@echo "  GEN     $@"
	@$(BUILD)/tact completion bash > $@.tmp && mv -f $@.tmp $@

completion: $(BUILD)/tact.bash

install: tact $(BUILD)/tact.bash
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(COMPLETION_DIR)
	install -m 0755 tact $(DESTDIR)$(PREFIX)/bin/tact
	install -m 0644 $(MANS) $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 0644 $(BUILD)/tact.bash $(DESTDIR)$(COMPLETION_DIR)/tact

# Removes what install put in place, and nothing else.
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/tact $(DESTDIR)$(COMPLETION_DIR)/tact
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/share/man/man1/,$(notdir $(MANS)))

clean:
	rm -rf build build-asan tact
-include tests/fuzz/fuzz.mk
