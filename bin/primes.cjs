#!/usr/bin/env node
// The `primes` command: runs the TypeScript entry through tsx, so no build step is needed.
require('tsx/cjs');
require('../src/composition/cli-main.ts');
