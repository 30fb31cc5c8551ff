package io.github.camellivedesk.client;

import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * Settings of the shared connection pool: one pool serves every endpoint of a component.
 *
 * @param maxConnections  connections in the pool (LiveDesk is one host, so also per route)
 * @param connectTimeout  time to establish a connection (TCP and TLS)
 * @param sslContext      TLS context; null for the JVM default, which verifies certificates and host names
 * @param proxyHost       HTTP proxy host, or null
 * @param proxyPort       HTTP proxy port
 * @param proxyUsername   proxy user, or null
 * @param proxyPassword   proxy password, or null
 * @param ioThreads       I/O reactor threads; 0 for one per core
 */
public record HttpTransportSettings(int maxConnections, Duration connectTimeout, SSLContext sslContext,
                                    String proxyHost, int proxyPort, String proxyUsername, String proxyPassword,
                                    int ioThreads) {

    /** 64 connections, 10 s connect timeout, JVM TLS defaults, no proxy. */
    public static final HttpTransportSettings DEFAULT
            = new HttpTransportSettings(64, Duration.ofSeconds(10), null, null, 0, null, null, 0);

    public HttpTransportSettings {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }

    @Override
    public String toString() {
        return "HttpTransportSettings[maxConnections=" + maxConnections + ", connectTimeout=" + connectTimeout
               + ", proxy=" + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + "]";
    }
}
