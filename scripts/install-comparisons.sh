#!/bin/sh
# install-comparisons.sh installs the Scheme systems `lambdustc bench
# --compare` measures against, from Debian packages: Chez Scheme, Gambit,
# Chicken, Guile and Racket. Each package is tried on its own; one that is
# missing from the archive or fails to install is reported and skipped.
# Needs root (or sudo). Not part of .ci/run.
#
# Usage: scripts/install-comparisons.sh [PACKAGE...]
set -u

packages=${*:-"chezscheme gambc chicken-bin guile-3.0 racket"}

if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1; then
	sudo=sudo
else
	echo "install-comparisons: need root or sudo" >&2
	exit 1
fi

$sudo apt-get update -q || echo "install-comparisons: apt-get update failed; trying the installed package lists" >&2

installed=
failed=
for p in $packages; do
	if ! apt-cache show "$p" >/dev/null 2>&1; then
		echo "install-comparisons: $p: no such package in the archive, skipped" >&2
		failed="$failed $p"
		continue
	fi
	if DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$p"; then
		installed="$installed $p"
	else
		echo "install-comparisons: $p: install failed, skipped" >&2
		failed="$failed $p"
	fi
done

echo "installed:${installed:- none}"
[ -n "$failed" ] && echo "skipped:$failed"
# Racket runs R7RS programs through its r7rs package, which is not a Debian
# package (CHICKEN gets its R7RS libraries from lambdustc itself).
cat <<'NOTE'
note: Racket needs the r7rs package (raco pkg install r7rs) before
bench --compare racket works.
NOTE
exit 0
