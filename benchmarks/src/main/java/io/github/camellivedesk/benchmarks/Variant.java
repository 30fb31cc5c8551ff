package io.github.camellivedesk.benchmarks;

/** The ways of sending the same message that the harness compares. */
public enum Variant {
    /** (a) Apache HttpClient 5 async called directly: the transport under the component. */
    RAW_HTTPCLIENT("a", "raw HttpClient 5 async"),
    /** (b) A camel-http route wired by hand: Authorization header, JSON marshalling, http: endpoint. */
    CAMEL_HTTP("b", "camel-http route by hand"),
    /** (c) livedesk:send from a ProducerTemplate that sends on the caller's thread, many messages in flight. */
    LIVEDESK_TEMPLATE("c", "livedesk:send (ProducerTemplate)"),
    /** (c') The same with the template's default executor: what a user gets without the README's advice. */
    LIVEDESK_TEMPLATE_POOLED("c'", "livedesk:send (ProducerTemplate, default pool)"),
    /** (d) A SEDA route with concurrent consumers into livedesk:send. */
    LIVEDESK_SEDA("d", "seda -> livedesk:send"),
    /** (e) The JDK's java.net.http.HttpClient with its default executor, as camel-whatsapp and camel-telegram use it. */
    JDK_HTTPCLIENT("e", "JDK HttpClient (default executor)"),
    /** (f) A camel-vertx-http route wired by hand: Camel's own non-blocking HTTP component, many messages in flight. */
    CAMEL_VERTX_HTTP("f", "camel-vertx-http route by hand");

    private final String letter;
    private final String label;

    Variant(String letter, String label) {
        this.letter = letter;
        this.label = label;
    }

    public String letter() {
        return letter;
    }

    public String label() {
        return "(" + letter + ") " + label;
    }
}
