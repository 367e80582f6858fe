#!/usr/bin/env bash
# vendor-dsfr.sh copies the State's design system (DSFR, npm package
# @gouvfr/dsfr, version pinned in package-lock.json) into
# api/web/static/dsfr, where it is embedded in the binary: its minified CSS,
# the Marianne fonts (woff2) and the icons the CSS names. No CDN: the page
# loads nothing from elsewhere. Run it after changing the DSFR's version and
# commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/@gouvfr/dsfr/dist/dsfr.min.css ]; then
	npm ci --no-audit --no-fund --ignore-scripts
fi
src=node_modules/@gouvfr/dsfr
dst=api/web/static/dsfr
rm -rf "$dst"
mkdir -p "$dst/fonts"
# The source map comment would make browsers ask for a file not shipped.
sed 's|/\*# sourceMappingURL=[^*]*\*/||' "$src/dist/dsfr.min.css" > "$dst/dsfr.min.css"
cp "$src"/dist/fonts/Marianne-*.woff2 "$dst/fonts/"
# The icons the CSS names (url(icons/…)), and nothing else.
grep -o 'url(icons/[^)]*)' "$dst/dsfr.min.css" | sed 's/^url(//; s/)$//' | sort -u | while read -r icon; do
	mkdir -p "$dst/$(dirname "$icon")"
	cp "$src/dist/$icon" "$dst/$icon"
done
cp "$src/LICENSE.md" "$dst/LICENSE.md"
version=$(node -p 'require("./node_modules/@gouvfr/dsfr/package.json").version')
echo "@gouvfr/dsfr $version: the code is under the Etalab 2.0 licence; the DSFR and the Marianne font are for the State's services (see LICENSE.md)." > "$dst/VERSION"
echo "dsfr $version: $(du -sh "$dst" | cut -f1) in $dst"
