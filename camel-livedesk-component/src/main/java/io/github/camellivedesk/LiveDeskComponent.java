package io.github.camellivedesk;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

import io.github.camellivedesk.client.HttpTransportSettings;
import io.github.camellivedesk.client.LiveDeskHttpClients;
import io.github.camellivedesk.client.PooledHttpClient;

/**
 * The {@code livedesk:} component. Holds the endpoint defaults and the one HTTP client and connection pool that all
 * its endpoints share; the pool is created when the first endpoint starts and closed when the component stops.
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

    private PooledHttpClient ownHttpClient;
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;

    public LiveDeskComponent() {
    }

    public LiveDeskComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LiveDeskOperation operation = LiveDeskOperation.fromPath(remaining);
        LiveDeskEndpoint endpoint = new LiveDeskEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The shared HTTP client, created on first use. */
    synchronized CloseableHttpAsyncClient sharedHttpClient() throws Exception {
        if (httpClient != null) {
            return httpClient;
        }
        if (ownHttpClient == null) {
            SSLContextParameters ssl = sslContextParameters != null ? sslContextParameters
                    : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
            ownHttpClient = LiveDeskHttpClients.create(new HttpTransportSettings(maxConnections,
                    Duration.ofMillis(connectTimeout), ssl == null ? null : ssl.createSSLContext(getCamelContext()),
                    proxyHost, proxyPort == null ? 0 : proxyPort, proxyUsername, proxyPassword, 0));
        }
        return ownHttpClient.client();
    }

    /** The component's own pool, or null before the first endpoint started or when an httpClient was given. */
    synchronized PooledHttpClient ownHttpClient() {
        return ownHttpClient;
    }

    /** The shared scheduler for rate-limit waits and request deadlines, created on first use. */
    synchronized ScheduledExecutorService sharedScheduler() {
        if (scheduler == null) {
            // unbounded queue: every request in flight holds a deadline here, and Camel's default profile caps the
            // queue at 1,000, which would reject requests under load
            ThreadPoolProfile profile = new ThreadPoolProfile("LiveDeskScheduler");
            profile.setPoolSize(1);
            profile.setMaxQueueSize(-1);
            scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "LiveDeskScheduler", profile);
            if (scheduler instanceof ScheduledThreadPoolExecutor pool) {
                // every request schedules a deadline and cancels it on completion: drop cancelled ones at once
                pool.setRemoveOnCancelPolicy(true);
            }
        }
        return scheduler;
    }

    /**
     * The threads routes continue on after an answer, created on first use. Keeping route work off the I/O threads
     * means a blocking step after the endpoint (a database call, Camel's synchronous redelivery delay) cannot stall
     * other requests. Unbounded, and the caller runs the work when the pool is shut down.
     */
    synchronized ExecutorService sharedWorkers() {
        if (workers == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("LiveDeskWorker");
            int cores = Runtime.getRuntime().availableProcessors();
            profile.setPoolSize(cores);
            profile.setMaxPoolSize(cores);
            profile.setMaxQueueSize(-1);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns);
            workers = getCamelContext().getExecutorServiceManager().newThreadPool(this, "LiveDeskWorker", profile);
        }
        return workers;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (ownHttpClient != null) {
            ownHttpClient.close();
            ownHttpClient = null;
        }
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (workers != null) {
            getCamelContext().getExecutorServiceManager().shutdown(workers);
            workers = null;
        }
        super.doStop();
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

    public CloseableHttpAsyncClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpAsyncClient httpClient) {
        this.httpClient = httpClient;
    }
}
