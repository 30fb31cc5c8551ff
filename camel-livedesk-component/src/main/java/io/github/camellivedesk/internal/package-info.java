/**
 * The component's internals, not an API: they change without notice, and they know nothing of the Camel layer in the
 * parent package, which uses them in one direction: {@link io.github.camellivedesk.internal.LiveDeskBinding} reads an
 * exchange into a {@link io.github.camellivedesk.internal.LiveDeskRequest},
 * {@link io.github.camellivedesk.internal.RequestRules} checks it, the
 * {@link io.github.camellivedesk.internal.dispatch.Dispatcher} owns it until it is answered and sends it with
 * {@link io.github.camellivedesk.internal.LiveDeskClient} through the component's
 * {@link io.github.camellivedesk.internal.LiveDeskTransport}. Types are public only where the parent package needs
 * them.
 */
package io.github.camellivedesk.internal;
