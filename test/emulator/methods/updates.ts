// getMe, getUpdates (long polling) and the webhook methods.
import { badRequest, conflict } from "../api-error.ts";
import { Described, type EmulatorCore, type MethodHandler } from "../emulator-core.ts";
import { optBool, optInt, optJson, optString, type Params } from "../params.ts";

function allowedUpdatesParam(params: Params): string[] | undefined {
  const value = optJson(params, "allowed_updates", "Can't parse allowed updates JSON object");
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw badRequest("Can't parse allowed updates JSON object");
  return value as string[];
}

const getMe: MethodHandler = (core) => core.botUser;

const getUpdates: MethodHandler = async (core, params, request) => {
  if (core.webhook !== undefined) {
    throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const offset = optInt(params, "offset");
  const limit = Math.min(100, Math.max(1, optInt(params, "limit") ?? 100));
  const timeout = Math.max(0, optInt(params, "timeout") ?? 0);
  core.queue.setAllowedUpdates(allowedUpdatesParam(params));
  if (offset !== undefined && offset !== 0) core.queue.confirm(offset);
  const updates = await core.queue.poll(limit, timeout, request.onClientGone);
  core.stats.updatesDelivered(updates.length);
  return updates;
};

/** Real Telegram wants HTTPS on ports 443/80/88/8443; tests run plain HTTP on loopback, so that is allowed too. */
function checkWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest("Bad webhook: Failed to resolve host: Name or service not known");
  }
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw badRequest("Bad webhook: An HTTPS URL must be provided for webhook");
  }
  return url.toString();
}

const setWebhook: MethodHandler = (core, params) => {
  const raw = optString(params, "url") ?? "";
  if (raw === "") return deleteWebhook(core, params, { onClientGone: () => {} });
  const url = checkWebhookUrl(raw);
  const secretToken = optString(params, "secret_token");
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest("Secret token contains unallowed characters");
  }
  const maxConnections = optInt(params, "max_connections") ?? 40;
  if (maxConnections < 1 || maxConnections > 100) throw badRequest("Invalid max_connections specified");
  core.queue.setAllowedUpdates(allowedUpdatesParam(params));
  if (optBool(params, "drop_pending_updates") === true) core.queue.dropPending();
  const unchanged = core.webhook?.url === url && core.webhook.secretToken === secretToken;
  core.webhook = { url, maxConnections, ...(secretToken !== undefined ? { secretToken } : {}) };
  core.queue.endHeldPoll(conflict("terminated by setWebhook request"));
  core.webhookChanged();
  return new Described(true, unchanged ? "Webhook is already set" : "Webhook was set");
};

const deleteWebhook = (core: EmulatorCore, params: Params, _request: unknown): Described => {
  if (optBool(params, "drop_pending_updates") === true) core.queue.dropPending();
  const had = core.webhook !== undefined;
  core.webhook = undefined;
  core.webhookChanged();
  return new Described(true, had ? "Webhook was deleted" : "Webhook is already deleted");
};

const getWebhookInfo: MethodHandler = (core) => {
  const hook = core.webhook;
  const allowed = core.queue.allowedUpdates();
  return {
    url: hook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: core.queue.pendingCount,
    ...(hook !== undefined ? { max_connections: hook.maxConnections, ip_address: "127.0.0.1" } : {}),
    ...(hook?.lastErrorDate !== undefined ? { last_error_date: hook.lastErrorDate, last_error_message: hook.lastErrorMessage } : {}),
    ...(hook !== undefined && allowed !== undefined ? { allowed_updates: allowed } : {}),
  };
};

export const updateMethods: Record<string, MethodHandler> = { getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo };
