#!/usr/bin/env bash
# vendor-dsfr.sh copies the State's design system (DSFR, npm package
# @gouvfr/dsfr, version pinned in package-lock.json) into
# api/web/static/dsfr, where it is embedded in the binary: its minified CSS,
# the Marianne fonts (woff2), the icons the CSS names, and icons.css, the
# rules of the icon classes (fr-icon-…) the page uses, with their icons.
# No CDN, no DSFR script: the page loads nothing from elsewhere and its
# own scripts only. Run it after changing the DSFR's version or the icons
# the page uses, and commit the result.
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
# The icon classes the page's HTML and scripts name, and nothing else.
used=$(grep -ohE 'fr-icon-[a-z0-9-]+' api/web/static/*.html api/web/static/*.js | sort -u | tr '\n' ' ')
node - "$src/dist/utility/icons/icons.min.css" "$dst/icons.css" $used <<'NODE'
const fs = require('fs');
const [css, out, ...used] = process.argv.slice(2);
const wanted = new Set(used);
const rules = [];
for (const [, sel, body] of fs.readFileSync(css, 'utf8').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
  const keep = sel.split(',').filter((s) => wanted.has((s.match(/\.(fr-icon-[a-z0-9-]+)/) || [])[1]));
  if (keep.length) rules.push(`${keep.join(',')}{${body.replace(/(\.\.\/)+icons\//g, 'icons/')}}`);
}
const missing = used.filter((u) => !rules.some((r) => r.includes(`.${u}:`)));
if (missing.length) { console.error(`unknown DSFR icons: ${missing.join(' ')}`); process.exit(1); }
fs.writeFileSync(out, `/* The DSFR's icon classes the page uses (scripts/vendor-dsfr.sh). */\n${rules.join('\n')}\n`);
NODE
grep -o 'url(icons/[^)]*)' "$dst/icons.css" | sed 's/^url(//; s/)$//' | sort -u | while read -r icon; do
	mkdir -p "$dst/$(dirname "$icon")"
	cp "$src/dist/$icon" "$dst/$icon"
done
cp "$src/LICENSE.md" "$dst/LICENSE.md"
version=$(node -p 'require("./node_modules/@gouvfr/dsfr/package.json").version')
echo "@gouvfr/dsfr $version: the code is under the Etalab 2.0 licence; the DSFR and the Marianne font are for the State's services (see LICENSE.md)." > "$dst/VERSION"
echo "dsfr $version: $(du -sh "$dst" | cut -f1) in $dst"
