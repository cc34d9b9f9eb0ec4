import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // rebuilds a stale or missing dist/ first: bundle tests never run an old build
    globalSetup: ["test/support/fresh-dist.ts"],
    include: ["test/**/*.test.ts"],
    // Not Tokyo on purpose: the code must give Tokyo answers whatever the host's zone is.
    // (The calendar tests also switch to UTC and Asia/Tokyo themselves.)
    env: { TZ: "America/Los_Angeles" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
