package io.github.camellivedesk;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code livedesk:} endpoint. Set on the component, they are the defaults of every endpoint; set on
 * an endpoint URI, they override those; a header overrides the option of the same meaning.
 */
@UriParams
public class LiveDeskConfiguration implements Cloneable {

    /** How many delivery ids the default, in-memory repository remembers: well over 5 minutes of deliveries. */
    static final int DEFAULT_REMEMBERED_DELIVERIES = 10_000;

    // not "required" in the catalog, as camel-aws2-s3's accessKey/secretKey: the component may supply it, and the
    // endpoint refuses to start without it, naming the option
    @UriParam(label = "security", secret = true)
    @Metadata(description = "The LiveDesk API key (API Key page of the LiveDesk console). Sent with the secret as HTTP "
            + "Basic authentication; never logged. Needed on the endpoint or, once for all endpoints, "
            + "on the component.")
    private String apiKey;

    @UriParam(label = "security", secret = true)
    @Metadata(description = "The LiveDesk API secret that goes with the API key. Never logged. Needed on the endpoint "
            + "or, once for all endpoints, on the component.")
    private String apiSecret;

    @UriParam(label = "advanced", defaultValue = "https://livedesk-api.engagelab.com",
            description = "The root URL of the LiveDesk API; point it at the simulator in tests.")
    private String baseUrl = "https://livedesk-api.engagelab.com";

    @UriParam(description = "The conversation to send to; the CamelLiveDeskConversationId header overrides it. "
            + "1 to 64 letters, digits, '_' or '-', starting with a letter or digit (LiveDesk's ids are "
            + "positive numbers such as 141); anything else is refused before sending.")
    private String conversationId;

    @UriParam(label = "producer", defaultValue = "false",
            description = "send: send private notes, visible to agents only (the private flag); the "
                    + "CamelLiveDeskPrivate header overrides it.")
    private boolean privateMessage;

    @UriParam(label = "producer", description = "send: reply to this message id (content_attributes.in_reply_to); the "
            + "CamelLiveDeskInReplyTo header overrides it.")
    private Long inReplyTo;

    @UriParam(label = "producer", description = "template: the template name; the CamelLiveDeskTemplateName header "
            + "overrides it.")
    private String templateName;

    @UriParam(label = "producer", description = "template: the template language code, e.g. en_US; the "
            + "CamelLiveDeskTemplateLanguage header overrides it.")
    private String templateLanguage;

    @UriParam(label = "producer", description = "template: the template namespace (WhatsApp Cloud / 360Dialog).")
    private String templateNamespace;

    @UriParam(label = "producer", description = "template: the template category, e.g. MARKETING or UTILITY.")
    private String templateCategory;

    @UriParam(label = "producer", description = "retry: the id of the failed message to resend; the "
            + "CamelLiveDeskMessageId header overrides it.")
    private Long messageId;

    @UriParam(label = "producer", description = "contact, conversation, and send or template to a customer: the API "
            + "channel (inbox) the contact writes through, its Channel ID in LiveDesk's channel settings; the "
            + "CamelLiveDeskInboxId header overrides it.")
    private Long inboxId;

    @UriParam(label = "producer", enums = "open,resolved,pending,snoozed",
            description = "status: the status to give the conversation; the CamelLiveDeskNewStatus header or "
                    + "a String body overrides it.")
    private String status;

    @UriParam(label = "producer", defaultValue = "true",
            description = "Whether a non-2xx answer, or a message LiveDesk reports as failed, raises a typed "
                    + "LiveDeskException. If false, the failed message (or the error body) comes back as the "
                    + "body with the status headers, for the route to inspect.")
    private boolean throwExceptionOnFailure = true;

    @UriParam(label = "producer", defaultValue = "true",
            description = "Send the messages of one conversation one after another, in the order the endpoints of this "
                    + "component received them, each once LiveDesk answered the one before; different "
                    + "conversations still go in parallel. A message that fails ends its turn: if Camel redelivers "
                    + "it, it is sent after the messages of its conversation received meanwhile. false sends every "
                    + "message at once, as many in flight as the pool allows, and a conversation may be reordered.")
    private boolean preserveOrder = true;

    @UriParam(label = "producer,timeout", defaultValue = "60s", javaType = "java.time.Duration",
            description = "The longest a request may take, from sending until the last byte of the answer.")
    private long requestTimeout = 60_000;

    @UriParam(label = "producer,rateLimit", defaultValue = "3",
            description = "How many times a request answered 429 (rate limited) is sent again, after the wait "
                    + "Retry-After asks for, or an exponential backoff with jitter when it gives none. 0 "
                    + "passes the first 429 to the route as a LiveDeskRateLimitException. Requests with "
                    + "InputStream attachments are never resent.")
    private int rateLimitMaxRetries = 3;

    @UriParam(label = "producer,rateLimit", defaultValue = "60s", javaType = "java.time.Duration",
            description = "The longest single wait before resending after a 429; a longer Retry-After fails the "
                    + "request at once with a LiveDeskRateLimitException.")
    private long rateLimitMaxWait = 60_000;

    @UriParam(label = "producer,advanced", defaultValue = "true",
            description = "Continue the route on the HTTP client's I/O thread when LiveDesk answers (the fastest path, "
                    + "as Camel's Netty and Vert.x components do). Set it to false when a step after this endpoint "
                    + "blocks (a database call, a synchronous redelivery delay: use asyncDelayedRedelivery): the "
                    + "route then continues on the component's worker threads, so a blocked step cannot stall "
                    + "the answers of other requests.")
    private boolean continueOnIoThread = true;

    @UriParam(label = "producer,advanced", defaultValue = "150000",
            description = "The most characters of content accepted before sending (LiveDesk's limit).")
    private int maxContentLength = 150_000;

    @UriParam(label = "producer,attachments", defaultValue = "15",
            description = "send: the most files per message (LiveDesk's limit).")
    private int maxAttachments = 15;

    @UriParam(label = "producer,attachments", defaultValue = "41943040",
            description = "send: the largest file in bytes (LiveDesk's limit: 40 MB), checked before sending "
                    + "where the size is known.")
    private long maxAttachmentSize = 40L * 1024 * 1024;

    @UriParam(label = "consumer", defaultValue = "/livedesk/events",
            description = "events: the path on the runtime's HTTP server (platform-http) where LiveDesk posts webhook "
                    + "events; the API channel's webhook URL is the server's address followed by it.")
    private String path = "/livedesk/events";

    @UriParam(label = "consumer",
            description = "events: the events to route, a comma list such as message_created,message_updated; the "
                    + "others are acknowledged (200) and not routed. Empty for all, including events the component "
                    + "has no type for.")
    private String events;

    @UriParam(label = "consumer",
            description = "events: the message kinds to route, a comma list of incoming (the customer's), outgoing "
                    + "(agents', the API's, templates), private (notes) and activity; the others are "
                    + "acknowledged and not routed. Applies to message events only. Empty for all.")
    private String messageTypes;

    @UriParam(label = "consumer,security", secret = true,
            description = "events: the API channel's webhook secret. A delivery must then carry a valid "
                    + "X-Chatwoot-Signature (HMAC-SHA256 of timestamp and body) and an X-Chatwoot-Timestamp within "
                    + "signatureTolerance, or it is answered 401 and not routed. Never logged.")
    private String webhookSecret;

    @UriParam(label = "consumer,security", secret = true,
            description = "events: a token the webhook URL must carry as the value of its query parameter named "
                    + "token, or the delivery is answered 401 and not routed; for when LiveDesk does not sign. Never "
                    + "logged.")
    private String webhookToken;

    @UriParam(label = "consumer,security", defaultValue = "5m", javaType = "java.time.Duration",
            description = "events: how far a signed delivery's X-Chatwoot-Timestamp may be from now, either way; an "
                    + "older one is answered 401, so a captured delivery cannot be replayed later.")
    private long signatureTolerance = 300_000;

    @UriParam(label = "consumer", defaultValue = "1048576",
            description = "events: the largest body in bytes; a larger one is answered 413 and not routed, and no "
                    + "more of it than this is read by the component. Limit the HTTP server's body size too (Camel "
                    + "Main: camel.server.maxBodySize), as the server may read a body before the component sees it.")
    private long maxBodySize = 1024 * 1024;

    @UriParam(label = "consumer,advanced",
            description = "events: where the ids of routed deliveries (X-Chatwoot-Delivery) are kept, so that a "
                    + "delivery seen before is acknowledged and not routed again. Default: in memory, the last "
                    + DEFAULT_REMEMBERED_DELIVERIES + " ids of this endpoint. Share a JDBC, Infinispan, Redis or "
                    + "Hazelcast repository between instances behind one webhook URL.")
    private IdempotentRepository idempotentRepository;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public boolean isPrivateMessage() {
        return privateMessage;
    }

    public void setPrivateMessage(boolean privateMessage) {
        this.privateMessage = privateMessage;
    }

    public Long getInReplyTo() {
        return inReplyTo;
    }

    public void setInReplyTo(Long inReplyTo) {
        this.inReplyTo = inReplyTo;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getTemplateLanguage() {
        return templateLanguage;
    }

    public void setTemplateLanguage(String templateLanguage) {
        this.templateLanguage = templateLanguage;
    }

    public String getTemplateNamespace() {
        return templateNamespace;
    }

    public void setTemplateNamespace(String templateNamespace) {
        this.templateNamespace = templateNamespace;
    }

    public String getTemplateCategory() {
        return templateCategory;
    }

    public void setTemplateCategory(String templateCategory) {
        this.templateCategory = templateCategory;
    }

    public Long getMessageId() {
        return messageId;
    }

    public void setMessageId(Long messageId) {
        this.messageId = messageId;
    }

    public Long getInboxId() {
        return inboxId;
    }

    public void setInboxId(Long inboxId) {
        this.inboxId = inboxId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getRateLimitMaxRetries() {
        return rateLimitMaxRetries;
    }

    public void setRateLimitMaxRetries(int rateLimitMaxRetries) {
        this.rateLimitMaxRetries = rateLimitMaxRetries;
    }

    public long getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    public void setRateLimitMaxWait(long rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public boolean isPreserveOrder() {
        return preserveOrder;
    }

    public void setPreserveOrder(boolean preserveOrder) {
        this.preserveOrder = preserveOrder;
    }

    public boolean isContinueOnIoThread() {
        return continueOnIoThread;
    }

    public void setContinueOnIoThread(boolean continueOnIoThread) {
        this.continueOnIoThread = continueOnIoThread;
    }

    public int getMaxContentLength() {
        return maxContentLength;
    }

    public void setMaxContentLength(int maxContentLength) {
        this.maxContentLength = maxContentLength;
    }

    public int getMaxAttachments() {
        return maxAttachments;
    }

    public void setMaxAttachments(int maxAttachments) {
        this.maxAttachments = maxAttachments;
    }

    public long getMaxAttachmentSize() {
        return maxAttachmentSize;
    }

    public void setMaxAttachmentSize(long maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getMessageTypes() {
        return messageTypes;
    }

    public void setMessageTypes(String messageTypes) {
        this.messageTypes = messageTypes;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookToken() {
        return webhookToken;
    }

    public void setWebhookToken(String webhookToken) {
        this.webhookToken = webhookToken;
    }

    public long getSignatureTolerance() {
        return signatureTolerance;
    }

    public void setSignatureTolerance(long signatureTolerance) {
        this.signatureTolerance = signatureTolerance;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    /** A copy for an endpoint, so that endpoint options never change the component's defaults. */
    public LiveDeskConfiguration copy() {
        try {
            return (LiveDeskConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "LiveDeskConfiguration[baseUrl=" + baseUrl + ", conversationId=" + conversationId
                + ", apiKey=" + (apiKey == null ? "unset" : "***") + ", apiSecret="
                + (apiSecret == null ? "unset" : "***") + ", webhookSecret=" + (webhookSecret == null ? "unset" : "***")
                + ", webhookToken=" + (webhookToken == null ? "unset" : "***") + "]";
    }
}
