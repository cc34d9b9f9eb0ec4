// `npm run bench` (after the build): only test/bench/*.bench-run.ts, never picked up by
// `npm test` (vitest.config.ts includes test/**/*.test.ts). Output goes straight to stdout.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // rebuilds a stale or missing dist/ first: bundle tests never run an old build
    globalSetup: ["test/support/fresh-dist.ts"],
    include: ["test/bench/**/*.bench-run.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    disableConsoleIntercept: true,
    // one bench file at a time: the offline part times real processes
    fileParallelism: false,
  },
});
