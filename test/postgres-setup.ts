/**
 * Vitest global setup: says plainly whether the PostgreSQL store suite runs. With
 * TEST_DATABASE_URL set, a server that does not answer stops the run here with one clear
 * line, instead of failing every PostgreSQL test on its own.
 */
import pg from "pg";

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) {
    console.warn(
      "note: the PostgreSQL store suite is SKIPPED: TEST_DATABASE_URL is not set " +
        "(to run it: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test)",
    );
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL ${url.replace(/:[^:@/]*@/, ":***@")} does not answer: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  console.warn(`note: the PostgreSQL store suite runs against TEST_DATABASE_URL`);
}
