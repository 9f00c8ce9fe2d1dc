# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced by the scripts that work on the files a patch set touches.
#
# copy_pristine PRISTINE DEST PATCH...: copy into DEST the pristine version
# of every existing file the patches touch (new files are left to them).
copy_pristine() {
	local pristine=$1 dest=$2 f
	shift 2
	cat "$@" | sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' | sort -u |
	while read -r f; do
		[ -f "$pristine/$f" ] || continue
		mkdir -p "$dest/$(dirname "$f")"
		cp "$pristine/$f" "$dest/$f"
	done
}

# git_base DIR: make DIR a git repository whose first commit holds what is
# in it now, committed as the project's identity.
git_base() {
	(cd "$1" && git init -q &&
		git config user.name pstore-error-report &&
		git config user.email pstore-error-report@localhost &&
		git add -A && git commit -qm base)
}
