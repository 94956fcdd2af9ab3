# procrun's everyday commands. `make install` builds what users run: a release build of procrun with
# the Swift standard library linked in (it starts faster and needs no Swift runtime at run time),
# and of procrun-mcp, the MCP server `procrun mcp` starts. procrun-mcp links the Swift runtime
# dynamically: the MCP SDK brings Foundation's networking, which would need libcurl linked statically.
# procrun has no $ORIGIN run path (--disable-local-rpath): with the standard library linked in it
# loads no library of its own, and the path made every start probe its folder for libyaml first.
# procrun is linked as a fully static executable (-static-executable: the C and C++ libraries and
# libyaml too): no dynamic loader runs at start, which was half of `procrun --version` and a fifth
# of `procrun check` here. The one cost: glibc's name-service lookups (host names for the http
# action, user names) load the system's NSS modules at run time, which must come from the glibc
# procrun was built against: rebuild after a glibc upgrade, or link as before with
#   make install PROCRUN_LINK="--static-swift-stdlib --disable-local-rpath"
# procrun-mcp, the long-running server, stays dynamically linked.
PREFIX ?= /usr/local
# How procrun is linked; benchmarks/compare.sh builds its reference programs the same way.
PROCRUN_LINK ?= --static-swift-stdlib --disable-local-rpath -Xswiftc -static-executable
SCRATCH := .build-install
BINARY := $(SCRATCH)/release/procrun

.PHONY: build procrun procrun-mcp install test example bench microbench clean

build: procrun procrun-mcp

procrun:
	bash scripts/ensure-libyaml.sh
	swift build -c release --product procrun $(PROCRUN_LINK) --scratch-path $(SCRATCH)

procrun-mcp:
	bash scripts/ensure-libyaml.sh
	swift build -c release --product procrun-mcp --scratch-path $(SCRATCH)-mcp

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BINARY) $(DESTDIR)$(PREFIX)/bin/procrun
	install -m 0755 $(SCRATCH)-mcp/release/procrun-mcp $(DESTDIR)$(PREFIX)/bin/procrun-mcp

test:
	bash scripts/test.sh

example:
	bash scripts/example.sh

bench: procrun
	PROCRUN=$(BINARY) bash benchmarks/compare.sh

microbench:
	swift package --package-path benchmarks benchmark

clean:
	rm -rf .build $(SCRATCH) $(SCRATCH)-mcp benchmarks/.build benchmarks/.results
