/**
 * What the {@code livedesk:events} consumer does with a webhook delivery before a route sees it, each step in its own
 * class and none knowing of Camel: {@link io.github.camellivedesk.internal.events.BoundedBody} reads at most the size
 * limit, {@link io.github.camellivedesk.internal.events.Authenticity} checks the signature or the URL token,
 * {@link io.github.camellivedesk.internal.events.EventReader} reads the JSON into a typed event and
 * {@link io.github.camellivedesk.internal.events.EventFilter} decides whether the route wants it. A step that refuses
 * throws a {@link io.github.camellivedesk.internal.events.RefusedDelivery} with the HTTP status and a short reason.
 */
package io.github.camellivedesk.internal.events;
