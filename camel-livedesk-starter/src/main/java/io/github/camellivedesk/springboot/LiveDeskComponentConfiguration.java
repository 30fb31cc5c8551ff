package io.github.camellivedesk.springboot;

import java.time.Duration;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.camellivedesk.LiveDeskConfiguration;

/**
 * The {@code livedesk} component's options as Spring Boot properties, {@code camel.component.livedesk.*}: Spring Boot
 * binds them (relaxed: {@code api-key}, {@code apiKey}, {@code CAMEL_COMPONENT_LIVEDESK_API_KEY}) and
 * {@code spring-boot-configuration-processor} turns this class and its Javadoc into the IDE metadata.
 * <p>
 * One field per option of the component's catalog ({@code componentProperties} of {@code livedesk.json}), with its
 * type, default and description; {@code LiveDeskStarterCatalogSyncTest} fails, naming the field to add, change or
 * remove, when the component's options and this class differ. A null field is not set on the component; a field with
 * the catalog default sets the same default. Durations take Spring's forms: {@code 5s}, {@code 500ms}, {@code 1m}.
 */
@ConfigurationProperties(LiveDeskComponentConfiguration.PREFIX)
public class LiveDeskComponentConfiguration {

    public static final String PREFIX = "camel.component.livedesk";

    /**
     * Whether to enable auto configuration of the livedesk component. This is enabled by default.
     */
    private Boolean enabled = true;

    /**
     * Default options for every endpoint of this component.
     */
    private LiveDeskConfiguration configuration;

    /**
     * The conversation to send to; the CamelLiveDeskConversationId header overrides it. 1 to 64 letters, digits, '_' or
     * '-', starting with a letter or digit (LiveDesk's ids are positive numbers such as 141); anything else is refused
     * before sending.
     */
    private String conversationId;

    /**
     * send: reply to this message id (content_attributes.in_reply_to); the CamelLiveDeskInReplyTo header overrides it.
     */
    private Long inReplyTo;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * retry: the id of the failed message to resend; the CamelLiveDeskMessageId header overrides it.
     */
    private Long messageId;

    /**
     * contact, conversation, and send or template to a customer: the API channel (inbox) the contact writes through,
     * its Channel ID in LiveDesk's channel settings; the CamelLiveDeskInboxId header overrides it.
     */
    private Long inboxId;

    /**
     * status: the status to give the conversation; the CamelLiveDeskNewStatus header or a String body
     * overrides it.
     */
    private String status;

    /**
     * send: send private notes, visible to agents only (the private flag); the CamelLiveDeskPrivate header overrides
     * it.
     */
    private Boolean privateMessage = false;

    /**
     * template: the template category, e.g. MARKETING or UTILITY.
     */
    private String templateCategory;

    /**
     * template: the template language code, e.g. en_US; the CamelLiveDeskTemplateLanguage header overrides it.
     */
    private String templateLanguage;

    /**
     * template: the template name; the CamelLiveDeskTemplateName header overrides it.
     */
    private String templateName;

    /**
     * template: the template namespace (WhatsApp Cloud / 360Dialog).
     */
    private String templateNamespace;

    /**
     * Whether a non-2xx answer, or a message LiveDesk reports as failed, raises a typed LiveDeskException. If false,
     * the failed message (or the error body) comes back as the body with the status headers, for the route to inspect.
     */
    private Boolean throwExceptionOnFailure = true;

    /**
     * Continue the route on the HTTP client's I/O thread when LiveDesk answers (the fastest path, as Camel's Netty and
     * Vert.x components do). Set it to false when a step after this endpoint blocks (a database call, a synchronous
     * redelivery delay: use asyncDelayedRedelivery): the route then continues on the component's worker threads, so a
     * blocked step cannot stall the answers of other requests.
     */
    private Boolean continueOnIoThread = true;

    /**
     * The most characters of content accepted before sending (LiveDesk's limit).
     */
    private Integer maxContentLength = 150000;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * The root URL of the LiveDesk API; point it at the simulator in tests.
     */
    private String baseUrl = "https://livedesk-api.engagelab.com";

    /**
     * A started Apache HttpClient 5 async client to use instead of the component's own; the component neither
     * configures nor closes it (maxConnections, connectTimeout, TLS and proxy options then do not apply).
     */
    private CloseableHttpAsyncClient httpClient;

    /**
     * Connections in the shared pool; also the most requests in flight at once.
     */
    private Integer maxConnections = 64;

    /**
     * send: the most files per message (LiveDesk's limit).
     */
    private Integer maxAttachments = 15;

    /**
     * send: the largest file in bytes (LiveDesk's limit: 40 MB), checked before sending where the size is known.
     */
    private Long maxAttachmentSize = 41943040L;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * HTTP proxy host.
     */
    private String proxyHost;

    /**
     * HTTP proxy password.
     */
    private String proxyPassword;

    /**
     * HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * HTTP proxy user name.
     */
    private String proxyUsername;

    /**
     * How many times a request answered 429 (rate limited) is sent again, after the wait Retry-After asks for, or an
     * exponential backoff with jitter when it gives none. 0 passes the first 429 to the route as a
     * LiveDeskRateLimitException. Requests with InputStream attachments are never resent.
     */
    private Integer rateLimitMaxRetries = 3;

    /**
     * Send the messages of one conversation one after another, in the order the endpoints of this component received
     * them, each once LiveDesk answered the one before; different conversations still go in parallel. A message that
     * fails ends its turn: if Camel redelivers it, it is sent after the messages of its conversation received
     * meanwhile. false sends every message at once, as many in flight as the pool allows, and a conversation may be
     * reordered.
     */
    private Boolean preserveOrder = true;

    /**
     * Requests per minute this component sends in all, paced before sending so that no minute holds more (LiveDesk:
     * about 3,000 per minute per client IP); 0 for no pacing. A burst of one second's worth goes at once, the rest at
     * an even pace. Messages wait without a thread; a 429 is still waited out as rateLimitMaxRetries says.
     */
    private Integer rateLimitPerMinute = 3000;

    /**
     * Messages per minute to one conversation, paced like rateLimitPerMinute (LiveDesk: about 200 per minute per
     * conversation); 0 for none.
     */
    private Integer conversationRateLimitPerMinute = 200;

    /**
     * The most messages this component holds while they wait for their turn in a conversation (preserveOrder) or for
     * the rate limits; one more fails at once, before anything is sent, with a LiveDeskQueueFullException (retryable)
     * naming the limit that holds them.
     */
    private Integer maxQueuedMessages = 10000;

    /**
     * send, template addressed to a customer: the most customers whose contact and conversation this component keeps
     * in memory, the most recently used first. A customer it no longer holds is read back from the
     * customerStateRepository, or else found again in LiveDesk (a few requests, never a duplicate). A few hundred
     * bytes each.
     */
    private Integer maxRememberedCustomers = 10000;

    /**
     * send, template addressed to a customer: a Camel StateRepository that keeps each customer's conversation beside
     * the memory, so that a restart (Camel's FileStateRepository) or several instances (a shared repository) find it
     * without asking LiveDesk. The component starts and stops it with itself. Keys hold the base URL, inbox and the
     * customer's identifier, phone number or email; values the conversation and contact ids.
     */
    private StateRepository<String, String> customerStateRepository;

    /**
     * The window the two rate limits count in: LiveDesk counts per minute. Shorter only to test against a server that
     * counts over shorter windows (the simulator scaled down): the options ending in PerMinute then count per this
     * window.
     */
    private Duration rateLimitPeriod = Duration.ofSeconds(60);

    /**
     * The longest single wait before resending after a 429; a longer Retry-After fails the request at once with a
     * LiveDeskRateLimitException.
     */
    private Duration rateLimitMaxWait = Duration.ofSeconds(60);

    /**
     * The LiveDesk API key (API Key page of the LiveDesk console). Sent with the secret as HTTP Basic authentication;
     * never logged. Needed on the endpoint or, once for all endpoints, on the component.
     */
    private String apiKey;

    /**
     * The LiveDesk API secret that goes with the API key. Never logged. Needed on the endpoint or, once for all
     * endpoints, on the component.
     */
    private String apiSecret;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * events: the path on the runtime's HTTP server (platform-http) where LiveDesk posts webhook events; the API
     * channel's webhook URL is the server's address followed by it.
     */
    private String path = "/livedesk/events";

    /**
     * events: the events to route, a comma list such as message_created,message_updated; the others are acknowledged
     * (200) and not routed. Empty for all, including events the component has no type for.
     */
    private String events;

    /**
     * events: the message kinds to route, a comma list of incoming (the customer's), outgoing (agents', the API's,
     * templates), private (notes) and activity; the others are acknowledged and not routed. Applies to message
     * events only. Empty for all.
     */
    private String messageTypes;

    /**
     * events: the API channel's webhook secret. A delivery must then carry a valid X-Chatwoot-Signature (HMAC-SHA256
     * of timestamp and body) and an X-Chatwoot-Timestamp within signatureTolerance, or it is answered 401 and not
     * routed. Never logged.
     */
    private String webhookSecret;

    /**
     * events: a token the webhook URL must carry as the value of its query parameter named token, or the delivery is
     * answered 401 and not routed; for when LiveDesk does not sign. Never logged.
     */
    private String webhookToken;

    /**
     * events: how far a signed delivery's X-Chatwoot-Timestamp may be from now, either way; an older one is answered
     * 401, so a captured delivery cannot be replayed later.
     */
    private Duration signatureTolerance = Duration.ofMinutes(5);

    /**
     * events: the largest body in bytes; a larger one is answered 413 and not routed, and no more of it than this is
     * read by the component. Limit the HTTP server's body size too (Camel Main: camel.server.maxBodySize), as the
     * server may read a body before the component sees it.
     */
    private Long maxBodySize = 1048576L;

    /**
     * events: where the ids of routed deliveries (X-Chatwoot-Delivery) are kept, so that a delivery seen before is
     * acknowledged and not routed again. Default: in memory, the last 10000 ids of this endpoint. Share a JDBC,
     * Infinispan, Redis or Hazelcast repository between instances behind one webhook URL.
     */
    private IdempotentRepository idempotentRepository;

    /**
     * TLS settings (trust store, key store, protocols) for connections to LiveDesk. Without them the JVM defaults
     * apply, which verify the server certificate and host name.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the CamelContext's global SSLContextParameters.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * The longest to wait for a connection (TCP and TLS) to LiveDesk.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * The longest a request may take, from sending until the last byte of the answer.
     */
    private Duration requestTimeout = Duration.ofSeconds(60);

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public LiveDeskConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LiveDeskConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public Long getInReplyTo() {
        return inReplyTo;
    }

    public void setInReplyTo(Long inReplyTo) {
        this.inReplyTo = inReplyTo;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
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

    public Long getMessageId() {
        return messageId;
    }

    public void setMessageId(Long messageId) {
        this.messageId = messageId;
    }

    public Boolean getPrivateMessage() {
        return privateMessage;
    }

    public void setPrivateMessage(Boolean privateMessage) {
        this.privateMessage = privateMessage;
    }

    public String getTemplateCategory() {
        return templateCategory;
    }

    public void setTemplateCategory(String templateCategory) {
        this.templateCategory = templateCategory;
    }

    public String getTemplateLanguage() {
        return templateLanguage;
    }

    public void setTemplateLanguage(String templateLanguage) {
        this.templateLanguage = templateLanguage;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getTemplateNamespace() {
        return templateNamespace;
    }

    public void setTemplateNamespace(String templateNamespace) {
        this.templateNamespace = templateNamespace;
    }

    public Boolean getThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(Boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public Boolean getContinueOnIoThread() {
        return continueOnIoThread;
    }

    public void setContinueOnIoThread(Boolean continueOnIoThread) {
        this.continueOnIoThread = continueOnIoThread;
    }

    public Integer getMaxContentLength() {
        return maxContentLength;
    }

    public void setMaxContentLength(Integer maxContentLength) {
        this.maxContentLength = maxContentLength;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public CloseableHttpAsyncClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpAsyncClient httpClient) {
        this.httpClient = httpClient;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxAttachments() {
        return maxAttachments;
    }

    public void setMaxAttachments(Integer maxAttachments) {
        this.maxAttachments = maxAttachments;
    }

    public Long getMaxAttachmentSize() {
        return maxAttachmentSize;
    }

    public void setMaxAttachmentSize(Long maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public Integer getRateLimitMaxRetries() {
        return rateLimitMaxRetries;
    }

    public void setRateLimitMaxRetries(Integer rateLimitMaxRetries) {
        this.rateLimitMaxRetries = rateLimitMaxRetries;
    }

    public Duration getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    public void setRateLimitMaxWait(Duration rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

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

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Boolean getPreserveOrder() {
        return preserveOrder;
    }

    public void setPreserveOrder(Boolean preserveOrder) {
        this.preserveOrder = preserveOrder;
    }

    public Integer getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(Integer rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public Integer getConversationRateLimitPerMinute() {
        return conversationRateLimitPerMinute;
    }

    public void setConversationRateLimitPerMinute(Integer conversationRateLimitPerMinute) {
        this.conversationRateLimitPerMinute = conversationRateLimitPerMinute;
    }

    public Integer getMaxQueuedMessages() {
        return maxQueuedMessages;
    }

    public void setMaxQueuedMessages(Integer maxQueuedMessages) {
        this.maxQueuedMessages = maxQueuedMessages;
    }

    public Duration getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    public void setRateLimitPeriod(Duration rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public Integer getMaxRememberedCustomers() {
        return maxRememberedCustomers;
    }

    public void setMaxRememberedCustomers(Integer maxRememberedCustomers) {
        this.maxRememberedCustomers = maxRememberedCustomers;
    }

    public StateRepository<String, String> getCustomerStateRepository() {
        return customerStateRepository;
    }

    public void setCustomerStateRepository(StateRepository<String, String> customerStateRepository) {
        this.customerStateRepository = customerStateRepository;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
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

    public Duration getSignatureTolerance() {
        return signatureTolerance;
    }

    public void setSignatureTolerance(Duration signatureTolerance) {
        this.signatureTolerance = signatureTolerance;
    }

    public Long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }
}
