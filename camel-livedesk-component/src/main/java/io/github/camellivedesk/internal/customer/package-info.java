/**
 * Addressing a customer: finding or creating the contact and the conversation a message to a customer goes to, and
 * remembering them. Used by the dispatcher, inside the customer's turn; not an API.
 */
package io.github.camellivedesk.internal.customer;
