package io.github.camellivedesk.internal;

/**
 * A request value with where it came from, so that a validation error can name the header, option or body to fix.
 *
 * @param value  the value, or null when none of the places gave one
 * @param source e.g. {@code header CamelLiveDeskConversationId}, {@code endpoint option conversationId},
 *               {@code component option conversationId}, {@code body}
 */
public record Resolved<T>(T value, String source) {
}
