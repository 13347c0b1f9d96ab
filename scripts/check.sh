#!/usr/bin/env bash
# Everything CI checks, in the order it checks it: formatting, lints, then the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo not found: install Rust with rustup (see README.md), then run this again" >&2
    exit 1
fi

# CI runs the property tests from one fixed seed, so any run can be reproduced exactly; runs
# elsewhere draw new cases every time.
if [ -n "${CI:-}" ]; then
    export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20261122}"
fi

cargo fmt --all --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
