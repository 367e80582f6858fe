// Package e2e holds plume's browser tests: they drive Debian's chromium
// through chromedp against the real API server (real database, fake model)
// with the web page mounted at "/", check the agent's and the
// administrators' journeys, run axe-core on every view and save a
// screenshot of each view under e2e/artifacts/.
//
// Run scripts/setup-browser.sh first. Without chromium the tests skip,
// unless CI is set, in which case they fail.
package e2e
