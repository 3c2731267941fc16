#!/usr/bin/env node
// The installed `newsbrief` command: runs the TypeScript CLI through tsx, so that
// a fresh `npm ci` needs no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
