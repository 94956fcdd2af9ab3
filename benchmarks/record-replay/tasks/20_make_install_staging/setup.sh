#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
cat > Makefile <<'EOF'
VERSION ?= 0.0
PREFIX ?= /usr/local
DESTDIR ?=
CFLAGS ?= -O2 -Wall

greet: greet.c
	$(CC) $(CFLAGS) -DGREET_VERSION='"$(VERSION)"' -o $@ greet.c

install: greet
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/doc/greet
	install -m 755 greet $(DESTDIR)$(PREFIX)/bin/greet
	install -m 644 README $(DESTDIR)$(PREFIX)/share/doc/greet/README

clean:
	rm -f greet

.PHONY: install clean
EOF
cat > greet.c <<'EOF'
#include <stdio.h>
int main(int argc, char **argv) {
    printf("greet %s: hello, %s\n", GREET_VERSION, argc > 1 ? argv[1] : "world");
    return 0;
}
EOF
echo "greet says hello." > README
