# procrun's everyday commands. `make install` builds what users run: a release build of procrun with
# the Swift standard library linked in (it starts faster and needs no Swift runtime at run time),
# and of procrun-mcp, the MCP server `procrun mcp` starts. procrun-mcp links the Swift runtime
# dynamically: the MCP SDK brings Foundation's networking, which would need libcurl linked statically.
# procrun has no $ORIGIN run path (--disable-local-rpath): with the standard library linked in it
# loads no library of its own, and the path made every start probe its folder for libyaml first.
# procrun is linked as a position-dependent executable (-no-pie): the dynamic loader then applies
# none of the 40,000 relocations a position-independent one needs and makes about 150 fewer page
# faults, a fifth of every command's start-up here. Its libraries, heap and stack are still placed at
# random; procrun-mcp, the long-running server, stays position-independent.
PREFIX ?= /usr/local
# How procrun is linked; benchmarks/compare.sh builds its reference programs the same way.
PROCRUN_LINK := --static-swift-stdlib --disable-local-rpath -Xswiftc -Xclang-linker -Xswiftc -no-pie
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
