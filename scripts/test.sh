#!/usr/bin/env bash
# Every test the project has, in the order CI runs them: `npm test` runs this, and so does .ci/run.
# Works on a fresh clone on a clean Debian machine (Node 20, npm 11, no browser), as root:
# installs Debian's Chromium if it is missing, installs the locked dependencies, then runs lint,
# typecheck, format check, the unused-export check (knip), unit tests, the production build (and the
# single file) and the e2e tests against them.
#
#   SKIP_INSTALL=1 npm test   # reuse node_modules as it is (skips `npm ci`)
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
step() {
  printf '\n==> %s  (%ss)\n' "$*" "$((SECONDS - started))"
}

if [[ ! -x /usr/bin/chromium ]]; then
  # Playwright's own browser download does not work here; the e2e tests use Debian's Chromium.
  step 'installing Chromium (apt-get)'
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ "${SKIP_INSTALL:-}" == 1 ]]; then
  step 'npm ci skipped (SKIP_INSTALL=1)'
else
  step 'npm ci'
  npm ci --no-audit --no-fund
fi

step 'lint'
npm run lint
step 'typecheck'
npm run typecheck
step 'format:check'
npm run format:check
step 'unused exports (knip)'
npm run knip
# Counts for the closing line; not in test-results/, which Playwright empties when it starts.
mkdir -p node_modules/.cache/test-counts
step 'unit tests'
npm run test:unit -- --reporter=default --reporter=json --outputFile.json=node_modules/.cache/test-counts/unit.json
step 'build'
npm run build
step 'build:single (the one-file page, opened from disk by e2e/single-file.spec.ts)'
npm run build:single
step 'e2e tests (against the build above)'
E2E_SKIP_BUILD=1 PLAYWRIGHT_JSON_OUTPUT_NAME=node_modules/.cache/test-counts/e2e.json npm run test:e2e -- --reporter=list,json

step "all passed in $((SECONDS - started))s"
# One closing line for whoever reads the log (CI): the unit and e2e counts together.
node -e '
const read = (f) => JSON.parse(require("fs").readFileSync(f, "utf8"));
const unit = read("node_modules/.cache/test-counts/unit.json");
const e2e = read("node_modules/.cache/test-counts/e2e.json").stats;
const passed = unit.numPassedTests + e2e.expected;
const failed = unit.numFailedTests + e2e.unexpected + e2e.flaky;
console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
console.log(`e2e: ${e2e.expected} passed, ${e2e.unexpected + e2e.flaky} failed`);
console.log(`total: ${passed} passed, ${failed} failed`);
'
