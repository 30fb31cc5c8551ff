/**
 * Internal, not an API: the dispatcher that owns each validated request until it is answered (order per
 * conversation, pacing to LiveDesk's rate limits, sending and resending after a 429), with its Camel-free parts, the
 * {@link io.github.camellivedesk.internal.dispatch.ConversationSequencer} and the
 * {@link io.github.camellivedesk.internal.dispatch.Pacer}.
 */
package io.github.camellivedesk.internal.dispatch;
