/**
 * The component's internals, not an API: they change without notice. The Camel layer in the parent package uses
 * them in one direction: {@link io.github.camellivedesk.internal.LiveDeskBinding} reads an exchange into a
 * {@link io.github.camellivedesk.internal.LiveDeskRequest}, {@link io.github.camellivedesk.internal.LiveDeskRequestValidator}
 * checks it, {@link io.github.camellivedesk.internal.LiveDeskClient} sends it through the component's
 * {@link io.github.camellivedesk.internal.LiveDeskTransport}. Types are public only where the parent package needs them.
 */
package io.github.camellivedesk.internal;
