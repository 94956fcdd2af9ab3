# procrun's everyday commands. `make install` builds what users run: a release build with the
# Swift standard library linked in (it starts faster and needs no Swift runtime at run time).
PREFIX ?= /usr/local
SCRATCH := .build-install
BINARY := $(SCRATCH)/release/procrun

.PHONY: build install test example bench microbench clean

build:
	bash scripts/ensure-libyaml.sh
	swift build -c release --product procrun --static-swift-stdlib --scratch-path $(SCRATCH)

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BINARY) $(DESTDIR)$(PREFIX)/bin/procrun

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
