// What a failed Web API call means for the request that made it: Slack unreachable, overloaded or limiting us
// passes, so the request is worth completing later; an answer of ok:false (channel_not_found, not_in_channel…) is
// Slack's last word.
const PASSING = new Set(['slack_webapi_request_error', 'slack_webapi_http_error', 'slack_webapi_rate_limited_error']);

export function isPassingSlackFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PASSING.has(code);
}
