package io.github.camellivedesk.examples.jms;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An ActiveMQ Artemis broker in this JVM, reached at {@code vm://0}: what the example uses when no broker URL is
 * given. Its address settings are the ones to give a real broker (broker.xml {@code <address-setting>}): a message
 * whose delivery failed {@code maxDeliveryAttempts} times goes to the {@code DLQ} queue.
 */
final class EmbeddedBroker implements AutoCloseable {

    static final String URL = "vm://0";

    private final EmbeddedActiveMQ server;

    private EmbeddedBroker(EmbeddedActiveMQ server) {
        this.server = server;
    }

    static EmbeddedBroker start(Path dataDir, String deadLetterQueue, int maxDeliveryAttempts) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .addAcceptorConfiguration("in-vm", URL)
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
                        .setMaxDeliveryAttempts(maxDeliveryAttempts)
                        // redeliver at once: a delayed redelivery would let the next message of the same conversation
                        // overtake the failed one
                        .setRedeliveryDelay(0L))
                .addQueueConfiguration(QueueConfiguration.of(deadLetterQueue).setRoutingType(RoutingType.ANYCAST));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        return new EmbeddedBroker(server);
    }

    /** How many consumers the queue has now (0 when it does not exist yet). */
    long consumerCount(String queue) {
        var found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getConsumerCount();
    }

    /** How many messages wait in the queue. */
    long messageCount(String queue) {
        var found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
