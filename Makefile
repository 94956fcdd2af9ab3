# procrun's everyday commands. `make install` builds what users run: release builds of procrun and
# procrun-mcp (the MCP server `procrun mcp` starts) with the Swift standard library linked in (they
# start faster and need no Swift runtime at run time).
PREFIX ?= /usr/local
SCRATCH := .build-install
BINARY := $(SCRATCH)/release/procrun

.PHONY: build install test example bench microbench clean

build:
	bash scripts/ensure-libyaml.sh
	swift build -c release --product procrun --static-swift-stdlib --scratch-path $(SCRATCH)
	swift build -c release --product procrun-mcp --static-swift-stdlib --scratch-path $(SCRATCH)

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BINARY) $(DESTDIR)$(PREFIX)/bin/procrun
	install -m 0755 $(SCRATCH)/release/procrun-mcp $(DESTDIR)$(PREFIX)/bin/procrun-mcp

test:
	bash scripts/test.sh

example:
	bash scripts/example.sh

bench: build
	PROCRUN=$(BINARY) bash benchmarks/compare.sh

microbench:
	swift package --package-path benchmarks benchmark

clean:
	rm -rf .build $(SCRATCH) benchmarks/.build benchmarks/.results
