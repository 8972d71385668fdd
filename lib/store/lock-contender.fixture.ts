/**
 * Test helper run as a separate process by sql-stack-store.test.ts: opens the database given as
 * argv[2] and tries to take the locks stack-0..stack-(N-1) as owner argv[3], starting at the
 * epoch-ms instant argv[5] so that both contenders race; prints the stack ids it won as JSON.
 */
import { createSqlDriver } from "./client";
import { SqlStackStore } from "./sql-stack-store";

const [url, owner, count, startAt] = process.argv.slice(2);
const driver = await createSqlDriver(url);
const store = new SqlStackStore(driver);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const won: string[] = [];
for (let i = 0; i < Number(count); i++) {
  if (await store.acquireLock(`stack-${i}`, owner, 60_000)) won.push(`stack-${i}`);
}
await driver.close();
process.stdout.write(JSON.stringify(won));
