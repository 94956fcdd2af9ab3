# procrun's everyday commands. `make install` builds what users run: a release build of procrun with
# the Swift standard library linked in (it starts faster and needs no Swift runtime at run time),
# and of procrun-mcp, the MCP server `procrun mcp` starts. procrun-mcp links the Swift runtime
# dynamically: the MCP SDK brings Foundation's networking, which would need libcurl linked statically.
# procrun has no $ORIGIN run path (--disable-local-rpath): with the standard library linked in it
# loads no library of its own, and the path made every start probe its folder for libyaml first.
PREFIX ?= /usr/local
SCRATCH := .build-install
BINARY := $(SCRATCH)/release/procrun

.PHONY: build procrun procrun-mcp install test example bench microbench clean

build: procrun procrun-mcp

procrun:
	bash scripts/ensure-libyaml.sh
	swift build -c release --product procrun --static-swift-stdlib --disable-local-rpath --scratch-path $(SCRATCH)

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
