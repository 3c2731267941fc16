// Webhook delivery: while a webhook is set, pending updates are POSTed to it one at a time with
// the X-Telegram-Bot-Api-Secret-Token header. A non-2xx answer, a timeout or a refused connection
// is recorded for getWebhookInfo (last_error_date/message) and retried with a growing delay, like
// Telegram does. A JSON answer carrying "method" is executed (a "webhook reply").
import type { Update } from "grammy/types";
import type { EmulatorCore, WebhookState } from "./emulator-core.ts";
import type { Params } from "./params.ts";

type Outcome = { ok: true; reply: unknown } | { ok: false; error: string };

export class WebhookDelivery {
  private running = false;
  private closed = false;
  private retryMs: number;
  private sleeping: { timer: NodeJS.Timeout; wake: () => void } | undefined;
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly core: EmulatorCore) {
    this.retryMs = core.options.webhook.retryBaseMs;
    core.webhookChanged = () => {
      this.retryMs = core.options.webhook.retryBaseMs;
      this.wakeUp();
      this.kick();
    };
    core.queue.onPush(() => this.kick());
  }

  close(): void {
    this.closed = true;
    this.wakeUp();
    for (const controller of this.inFlight) controller.abort();
  }

  private kick(): void {
    if (this.closed || this.running || this.core.webhook === undefined) return;
    void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        const hook = this.core.webhook;
        const update = this.core.queue.peek();
        if (this.closed || hook === undefined || update === undefined) break;
        const outcome = await this.post(hook, update);
        if (this.closed) break;
        if (outcome.ok) {
          this.core.queue.confirm(update.update_id + 1);
          this.core.stats.updatesDelivered(1);
          this.retryMs = this.core.options.webhook.retryBaseMs;
          await this.runWebhookReply(outcome.reply);
        } else if (this.core.webhook === hook) {
          hook.lastErrorDate = this.core.nowSeconds();
          hook.lastErrorMessage = outcome.error;
          await this.sleep(this.retryMs);
          this.retryMs = Math.min(this.retryMs * 2, this.core.options.webhook.retryMaxMs);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async post(hook: WebhookState, update: Update): Promise<Outcome> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.core.options.webhook.timeoutMs);
    try {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (hook.secretToken !== undefined) headers["x-telegram-bot-api-secret-token"] = hook.secretToken;
      const response = await fetch(hook.url, { method: "POST", headers, body: JSON.stringify(update), signal: controller.signal });
      const body = await response.text();
      if (!response.ok) return { ok: false, error: `Wrong response from the webhook: ${response.status} ${response.statusText}` };
      let reply: unknown;
      if ((response.headers.get("content-type") ?? "").includes("application/json") && body !== "") {
        try {
          reply = JSON.parse(body);
        } catch {
          reply = undefined;
        }
      }
      return { ok: true, reply };
    } catch (error) {
      if (controller.signal.aborted) return { ok: false, error: "Read timeout expired" };
      const code = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, error: code === "ECONNREFUSED" ? "Connection refused" : `Connection failed: ${String(code ?? error)}` };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  /** A webhook may answer with a method call; Telegram runs it and ignores the outcome. */
  private async runWebhookReply(reply: unknown): Promise<void> {
    if (typeof reply !== "object" || reply === null) return;
    const { method, ...params } = reply as Params & { method?: unknown };
    if (typeof method !== "string" || method.toLowerCase() === "getupdates") return;
    try {
      await this.core.call(method, params, { onClientGone: () => {} });
    } catch {
      // Failed webhook replies are only visible in the calls log, as on Telegram.
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleeping = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleeping = { timer, wake };
    });
  }

  private wakeUp(): void {
    this.sleeping?.wake();
  }
}
