import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Reports whether the PostgreSQL suite runs (TEST_DATABASE_URL) and that its server answers.
    globalSetup: ["test/postgres-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores here and in CI: more workers only contend.
    maxWorkers: 2,
  },
});
