/** The reply ledger: several instances' replies by second, as the sender reads them. */
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.ts";
import { forEachDatabase } from "./databases.ts";

forEachDatabase((database, dialect) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  describe("the reply ledger", () => {
    it("adds each instance's replies by second, sums the others' and forgets the old", async () => {
      store = await database().open();
      const ledger = store.replies;
      expect(ledger.shared).toBe(dialect === "postgres");
      await ledger.add("a", 100, 2);
      await ledger.add("a", 100, 3);
      await ledger.add("b", 100, 4);
      await ledger.add("b", 101, 1);
      await ledger.add("c", 101, 6);
      await ledger.add("b", 99, 7);
      // Past 2^31 seconds (2038) too.
      await ledger.add("b", 2 ** 31 + 5, 1);

      expect(await ledger.othersSince("a", 100)).toEqual([
        { second: 100, count: 4 },
        { second: 101, count: 7 },
        { second: 2 ** 31 + 5, count: 1 },
      ]);
      expect(await ledger.othersSince("b", 100)).toEqual([
        { second: 100, count: 5 },
        { second: 101, count: 6 },
      ]);
      expect(await ledger.othersSince("a", 2 ** 31 + 6)).toEqual([]);

      await ledger.prune(101);
      expect(await ledger.othersSince("c", 0)).toEqual([
        { second: 101, count: 1 },
        { second: 2 ** 31 + 5, count: 1 },
      ]);
    });
  });
});
