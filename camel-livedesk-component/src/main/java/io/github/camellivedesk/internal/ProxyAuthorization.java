package io.github.camellivedesk.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.DefaultAuthenticationStrategy;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.async.AsyncConnectExec;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.protocol.DefaultHttpProcessor;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;

/**
 * Sends the proxy's Basic credentials as a {@link RedactedHeader}, so HttpClient's header log (DEBUG) shows
 * {@code Proxy-Authorization: ***} as it does for {@code Authorization}. HttpClient's own proxy authentication would
 * add a plain header that its log prints in full, on the {@code CONNECT} of an HTTPS tunnel and on plain HTTP
 * requests alike; the header is therefore sent up front, on the {@code CONNECT} for a tunnel and on the request
 * itself otherwise (never inside a tunnel, where it would reach LiveDesk).
 */
final class ProxyAuthorization {

    private ProxyAuthorization() {
    }

    static void install(HttpAsyncClientBuilder builder, String username, String password) {
        String token = Base64.getEncoder().encodeToString(
                (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        RedactedHeader header = new RedactedHeader(HttpHeaders.PROXY_AUTHORIZATION, "Basic " + token);
        // the CONNECT that opens a tunnel: HttpClient's own step, with a processor that adds the header
        builder.replaceExecInterceptor(ChainElement.CONNECT.name(), new AsyncConnectExec(
                new DefaultHttpProcessor(new RequestTargetHost(), new RequestUserAgent(),
                        (connect, entity, context) -> connect.setHeader(header)),
                DefaultAuthenticationStrategy.INSTANCE, DefaultSchemePortResolver.INSTANCE, false));
        // a plain HTTP request through the proxy carries it itself
        builder.addExecInterceptorBefore(ChainElement.CONNECT.name(), "livedesk-proxy-authorization",
                (request, entity, scope, chain, callback) -> {
                    if (scope.route.getProxyHost() != null && !scope.route.isTunnelled()) {
                        request.setHeader(header);
                    }
                    chain.proceed(request, entity, scope, callback);
                });
    }
}
