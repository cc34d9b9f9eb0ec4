import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Not Tokyo on purpose: the code must give Tokyo answers whatever the host's zone is.
    // (The calendar tests also switch to UTC and Asia/Tokyo themselves.)
    env: { TZ: "America/Los_Angeles" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
