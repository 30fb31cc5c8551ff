/**
 * What the {@code livedesk:events} consumer adds to the platform-http engine it runs on, outside the engine-neutral
 * platform-http API: {@link io.github.camellivedesk.internal.platformhttp.ServerRefusals} answers, quietly, the
 * deliveries the HTTP server itself refuses before the consumer sees them.
 */
package io.github.camellivedesk.internal.platformhttp;
