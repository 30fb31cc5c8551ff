package io.github.camellivedesk.examples.email;

import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A GreenMail IMAP and SMTP server on loopback, on free ports, with one mailbox: what the example reads when no
 * mailbox is configured.
 */
final class EmbeddedMailServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String ADDRESS = "support@example.com";
    static final String USERNAME = "support";
    static final String PASSWORD = "support-secret";

    private final GreenMail greenMail;

    private EmbeddedMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static EmbeddedMailServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAP).dynamicPort() });
        greenMail.start();
        greenMail.setUser(ADDRESS, USERNAME, PASSWORD);
        return new EmbeddedMailServer(greenMail);
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The {@code mail.*} properties of application.properties that point the app at this server's mailbox. */
    Map<String, String> mailProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("mail.protocol", "imap");
        properties.put("mail.host", HOST);
        properties.put("mail.port", Integer.toString(imapPort()));
        properties.put("mail.username", USERNAME);
        properties.put("mail.password", PASSWORD);
        return properties;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
