#!/usr/bin/env node
// The `gutbrain` command. Runs the TypeScript sources through tsx, so no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
