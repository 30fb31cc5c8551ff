package io.github.camellivedesk.simulator;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a {@link LiveDeskSimulator} is built with, fixed at {@link LiveDeskSimulator.Builder#build()}: a later
 * change to the builder does not reach a simulator already built.
 *
 * @param conversations         conversations that exist from the start and after every reset
 * @param storageDir            where uploads go; null for a temporary folder
 * @param clientRateLimit       requests per client address, or null for none
 * @param conversationRateLimit requests per conversation, or null for none
 * @param adminToken            the token the inspection API requires, or null for none
 * @param webhookUrl            where the inbox's webhook events are POSTed, or null for none
 * @param webhookSecret         the secret their {@code X-Chatwoot-Signature} is computed with, or null for unsigned
 */
record SimulatorSettings(String host, int port, String apiKey, String apiSecret, List<Long> conversations,
        boolean autoCreateConversations, long inboxId, long accountId, Path storageDir, int threads,
        boolean recordRequests, int requestLogSize, int messageRetention, int maxAttachments,
        long maxAttachmentSize, RateLimit clientRateLimit, RateLimit conversationRateLimit,
        String adminToken, String webhookUrl, String webhookSecret) {

    SimulatorSettings {
        conversations = List.copyOf(conversations);
    }

    @Override
    public String toString() {
        // the secret and the token stay out of logs and test reports
        return "SimulatorSettings[host=" + host + ", port=" + port + ", apiKey=" + apiKey + ", apiSecret=***"
                + ", conversations=" + conversations + ", autoCreateConversations=" + autoCreateConversations
                + ", storageDir=" + storageDir + ", threads=" + threads + ", clientRateLimit=" + clientRateLimit
                + ", conversationRateLimit=" + conversationRateLimit + ", adminToken="
                + (adminToken == null ? "none" : "***") + ", webhookUrl=" + WebhookSender.redact(webhookUrl)
                + ", webhookSecret=" + (webhookSecret == null ? "none" : "***") + "]";
    }
}
