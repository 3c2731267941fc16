// The emulator in a child process of its own, for load benchmarks: bot and emulator then do not
// share one event loop (or one core). Started by `startEmulatorProcess` (child-client.ts); the
// options come as JSON in argv[2], requests and answers go over the IPC channel.
import { startEmulator } from "./index.ts";
import type { ChildRequest, ChildAnswer } from "./child-protocol.ts";

const options = JSON.parse(process.argv[2] ?? "{}") as Parameters<typeof startEmulator>[0];
const tg = await startEmulator(options);
const reply = (answer: ChildAnswer) => process.send?.(answer);

process.on("message", (request: ChildRequest) => {
  switch (request.op) {
    case "createUsers":
      tg.createUsers(request.count, request.firstId);
      return reply({ id: request.id, ok: true });
    case "stats":
      return reply({ id: request.id, ok: true, stats: tg.stats, counts: request.counts ? new Map(tg.messageCounts()) : undefined });
    case "resetStats":
      tg.resetStats();
      return reply({ id: request.id, ok: true });
    case "close":
      void tg.close().then(() => {
        reply({ id: request.id, ok: true });
        process.disconnect?.();
      });
      return;
  }
});
// The parent going away ends the emulator too.
process.on("disconnect", () => void tg.close().then(() => process.exit(0)));
reply({ id: 0, ok: true, apiRoot: tg.apiRoot, botToken: tg.botToken });
