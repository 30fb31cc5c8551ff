package io.github.camellivedesk;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets with URI characters written into an endpoint URI stay masked where Camel prints the endpoint (logs, route
 * dumps, JMX names): {@code RAW(...)} as Camel does it, and {@code RAW{...}} with an {@code &}, which Camel core
 * stores percent-encoded and would mask only up to the {@code &}: the component writes it into the endpoint's URI as
 * {@code RAW(...)}, and refuses a secret that neither form can hold (one with both {@code &} and {@code )}).
 */
class UriSecretsTest extends LiveDeskTestSupport {

    private static final String SECRET = "s3c&zq9+tail";

    @Test
    void rawWithParenthesesKeepsASecretWithAnAmpersandMasked() throws Exception {
        Endpoint endpoint = context
                .getEndpoint("livedesk:send?conversationId=141&apiKey=key&apiSecret=RAW(" + SECRET + ")");

        assertThat(endpoint.toString()).contains("apiSecret=xxxxxx").doesNotContain("zq9").doesNotContain("tail");
        assertThat(((LiveDeskEndpoint) endpoint).getConfiguration().getApiSecret()).isEqualTo(SECRET);
    }

    @Test
    void rawWithBracesAndAnAmpersandIsMaskedToo() throws Exception {
        Endpoint endpoint = context
                .getEndpoint("livedesk:send?conversationId=141&apiKey=key&apiSecret=RAW{" + SECRET + "}");

        assertThat(endpoint.toString()).contains("apiSecret=xxxxxx").doesNotContain("zq9").doesNotContain("tail");
        assertThat(((LiveDeskEndpoint) endpoint).getConfiguration().getApiSecret()).isEqualTo(SECRET);
    }

    @Test
    void aSecretNoRawFormCanMaskIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> context.getEndpoint("livedesk:send?conversationId=141&apiKey=key&apiSecret=RAW{"
                + SECRET + ")}"))
                .hasStackTraceContaining("option apiSecret")
                .hasStackTraceContaining("camel.component.livedesk.api-secret");
    }

    @Test
    void rawWithBracesWithoutAnAmpersandStillWorks() throws Exception {
        Exchange exchange = send("livedesk:send?conversationId=141&apiKey=" + LIVEDESK.apiKey() + "&apiSecret=RAW{"
                + LIVEDESK.apiSecret() + "}", "braces");

        assertThat(exchange.getException()).isNull();
    }
}
