// Messages between the emulator's child process and its parent.
import type { EmulatorStats } from "./load-stats.ts";

export type ChildRequest =
  | { id: number; op: "createUsers"; count: number; firstId: number }
  | { id: number; op: "stats"; counts?: boolean }
  | { id: number; op: "resetStats" }
  | { id: number; op: "close" };

export interface ChildAnswer {
  id: number;
  ok: boolean;
  apiRoot?: string;
  botToken?: string;
  stats?: EmulatorStats;
  counts?: Map<number, number> | undefined;
}
