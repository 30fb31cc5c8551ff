package io.github.camellivedesk;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.HttpHost;

import io.github.camellivedesk.internal.LiveDeskRequestValidator;
import io.github.camellivedesk.internal.LiveDeskTransport;

/**
 * The {@code livedesk:} component. Holds the endpoint defaults and the one transport (HTTP client and connection pool,
 * scheduler, worker threads) that all its endpoints share, created when the component starts and closed when it stops.
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

    private LiveDeskTransport transport;

    public LiveDeskComponent() {
    }

    public LiveDeskComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LiveDeskOperation operation = LiveDeskOperation.fromPath(remaining);
        // Camel would read "abc" or "5s" as a number of milliseconds
        LiveDeskRequestValidator.messageIdOption(parameters.get("messageId"));
        LiveDeskEndpoint endpoint = new LiveDeskEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        LiveDeskRequestValidator.componentOptions(maxConnections, connectTimeout);
        if (httpClient != null) {
            transport = LiveDeskTransport.wrap(httpClient);
        } else {
            SSLContextParameters ssl = sslContextParameters != null ? sslContextParameters
                    : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
            transport = LiveDeskTransport.create(new LiveDeskTransport.Options(maxConnections,
                    Duration.ofMillis(connectTimeout), ssl == null ? null : ssl.createSSLContext(getCamelContext()),
                    proxyHost == null || proxyHost.isBlank() ? null : new HttpHost(proxyHost, proxyPort == null ? -1 : proxyPort),
                    proxyUsername, proxyPassword));
        }
    }

    /** The transport all endpoints of this component share; null while the component is stopped. */
    LiveDeskTransport transport() {
        return transport;
    }

    @Override
    protected void doStop() throws Exception {
        if (transport != null) {
            transport.close();
            transport = null;
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
