package io.github.camellivedesk;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.HttpHost;

import io.github.camellivedesk.internal.LiveDeskTransport;
import io.github.camellivedesk.internal.dispatch.Dispatcher;
import io.github.camellivedesk.internal.dispatch.RateLimit;

/**
 * The {@code livedesk:} component. Holds the endpoint defaults and two services all its endpoints share, started and
 * stopped with it: the transport (HTTP client and connection pool, and threads from Camel's executor service manager)
 * and the dispatcher, which owns every request from validated to answered (order, pacing, sending, 429 resends).
 */
@Component("livedesk")
public class LiveDeskComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "Default options for every endpoint of this component.")
    private LiveDeskConfiguration configuration = new LiveDeskConfiguration();

    @Metadata(label = "advanced", defaultValue = "64",
            description = "Connections in the shared pool; also the most requests in flight at once.")
    private int maxConnections = 64;

    @Metadata(label = "advanced,timeout", defaultValue = "10s", javaType = "java.time.Duration",
            description = "The longest to wait for a connection (TCP and TLS) to LiveDesk.")
    private long connectTimeout = 10_000;

    @Metadata(label = "security", description = "TLS settings (trust store, key store, protocols) for connections to "
            + "LiveDesk. Without them the JVM defaults apply, which verify the "
            + "server certificate and host name.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false",
            description = "Use the CamelContext's global SSLContextParameters.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;

    @Metadata(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;

    @Metadata(label = "proxy", secret = true, description = "HTTP proxy user name.")
    private String proxyUsername;

    @Metadata(label = "proxy", secret = true, description = "HTTP proxy password.")
    private String proxyPassword;

    @Metadata(label = "advanced", autowired = false,
            description = "A started Apache HttpClient 5 async client to use instead of the component's own; the "
                    + "component neither configures nor closes it (maxConnections, connectTimeout, TLS and "
                    + "proxy options then do not apply).")
    private CloseableHttpAsyncClient httpClient;

    @Metadata(label = "rateLimit", defaultValue = "3000",
            description = "Requests per minute this component sends in all, paced before sending so that no minute "
                    + "holds more (LiveDesk: about 3,000 per minute per client IP); 0 for no pacing. A burst of "
                    + "one second's worth goes at once, the rest at an even pace. Messages wait without a "
                    + "thread; a 429 is still waited out as rateLimitMaxRetries says.")
    private int rateLimitPerMinute = 3000;

    @Metadata(label = "rateLimit", defaultValue = "200",
            description = "Messages per minute to one conversation, paced like rateLimitPerMinute (LiveDesk: about 200 "
                    + "per minute per conversation); 0 for none.")
    private int conversationRateLimitPerMinute = 200;

    @Metadata(label = "rateLimit", defaultValue = "10000",
            description = "The most messages this component holds while they wait for their turn in a conversation "
                    + "(preserveOrder) or for the rate limits; one more fails at once, before anything is sent, "
                    + "with a LiveDeskQueueFullException (retryable) naming the limit that holds them.")
    private int maxQueuedMessages = 10_000;

    @Metadata(label = "advanced,rateLimit", defaultValue = "60s", javaType = "java.time.Duration",
            description = "The window the two rate limits count in: LiveDesk counts per minute. Shorter only to test "
                    + "against a server that counts over shorter windows (the simulator scaled down): the options "
                    + "ending in PerMinute then count per this window.")
    private long rateLimitPeriod = 60_000;

    @Metadata(label = "producer,customer", defaultValue = "10000",
            description = "send, template addressed to a customer: the most customers whose contact and conversation "
                    + "this component keeps in memory, the most recently used first. A customer it no longer holds is "
                    + "read back from the customerStateRepository, or else found again in LiveDesk (a few requests, "
                    + "never a duplicate). A few hundred bytes each.")
    private int maxRememberedCustomers = 10_000;

    @Metadata(label = "producer,customer",
            description = "send, template addressed to a customer: a Camel StateRepository that keeps each customer's "
                    + "conversation beside the memory, so that a restart (Camel's FileStateRepository) or several "
                    + "instances (a shared repository) find it without asking LiveDesk. The component starts and stops "
                    + "it with itself. Keys hold the base URL, inbox and the customer's identifier, phone number or "
                    + "email; values the conversation and contact ids.")
    private StateRepository<String, String> customerStateRepository;

    // the component's two services, started and stopped with it; each reads the options above when it starts
    private final LiveDeskTransport transport = new LiveDeskTransport(this::transportOptions,
            () -> getCamelContext().getExecutorServiceManager(), this);
    private final Dispatcher dispatcher = new Dispatcher(this::dispatchSettings, transport::scheduler,
            System::nanoTime);

    public LiveDeskComponent() {
    }

    public LiveDeskComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LiveDeskOperation operation = LiveDeskOperation.fromPath(remaining);
        // Camel would read "abc" or "5s" as a number of milliseconds
        LiveDeskOptionRules.messageIdText(parameters.get("messageId"));
        LiveDeskEndpoint endpoint = new LiveDeskEndpoint(LiveDeskSecrets.maskableUri(uri, parameters), this, operation,
                configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(customerStateRepository);
        ServiceHelper.startService(transport);
        ServiceHelper.startService(dispatcher);
    }

    @Override
    protected void doStop() throws Exception {
        // first: what still waits fails (nothing of it was sent) before the transport goes
        ServiceHelper.stopService(dispatcher);
        ServiceHelper.stopService(transport);
        ServiceHelper.stopService(customerStateRepository);
        super.doStop();
    }

    private LiveDeskTransport.Options transportOptions() {
        LiveDeskOptionRules.transport(maxConnections, connectTimeout);
        if (httpClient != null) {
            return new LiveDeskTransport.Options(maxConnections, Duration.ofMillis(connectTimeout), null, null, null,
                    null,
                    httpClient);
        }
        SSLContextParameters ssl = sslContextParameters != null ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
        try {
            return new LiveDeskTransport.Options(maxConnections, Duration.ofMillis(connectTimeout),
                    ssl == null ? null : ssl.createSSLContext(getCamelContext()),
                    proxyHost == null || proxyHost.isBlank() ? null
                            : new HttpHost(proxyHost, proxyPort == null ? -1 : proxyPort),
                    proxyUsername, proxyPassword, null);
        } catch (GeneralSecurityException | IOException e) {
            throw new RuntimeCamelException("The sslContextParameters of the livedesk component cannot create a TLS "
                    + "context: " + e.getMessage(), e);
        }
    }

    private Dispatcher.Settings dispatchSettings() {
        LiveDeskOptionRules.pacing(rateLimitPerMinute, conversationRateLimitPerMinute, maxQueuedMessages,
                rateLimitPeriod);
        LiveDeskOptionRules.customers(maxRememberedCustomers);
        Duration period = Duration.ofMillis(rateLimitPeriod);
        return new Dispatcher.Settings(new RateLimit(rateLimitPerMinute, period),
                new RateLimit(conversationRateLimitPerMinute, period), maxQueuedMessages, maxRememberedCustomers,
                customerStateRepository);
    }

    /** Order per conversation, pacing, sending and resending: the owner of every request of this component. */
    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The HTTP client, pool and threads all endpoints of this component share. */
    LiveDeskTransport transport() {
        return transport;
    }

    public LiveDeskConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LiveDeskConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
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

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(int rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public int getConversationRateLimitPerMinute() {
        return conversationRateLimitPerMinute;
    }

    public void setConversationRateLimitPerMinute(int conversationRateLimitPerMinute) {
        this.conversationRateLimitPerMinute = conversationRateLimitPerMinute;
    }

    public int getMaxQueuedMessages() {
        return maxQueuedMessages;
    }

    public void setMaxQueuedMessages(int maxQueuedMessages) {
        this.maxQueuedMessages = maxQueuedMessages;
    }

    public long getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    public void setRateLimitPeriod(long rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public CloseableHttpAsyncClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpAsyncClient httpClient) {
        this.httpClient = httpClient;
    }

    public int getMaxRememberedCustomers() {
        return maxRememberedCustomers;
    }

    public void setMaxRememberedCustomers(int maxRememberedCustomers) {
        this.maxRememberedCustomers = maxRememberedCustomers;
    }

    public StateRepository<String, String> getCustomerStateRepository() {
        return customerStateRepository;
    }

    public void setCustomerStateRepository(StateRepository<String, String> customerStateRepository) {
        this.customerStateRepository = customerStateRepository;
    }
}
