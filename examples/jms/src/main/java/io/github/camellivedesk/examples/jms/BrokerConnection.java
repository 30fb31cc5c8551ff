package io.github.camellivedesk.examples.jms;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.jms.JmsComponent;

/**
 * The {@code jms} component on the broker of {@code jms.broker-url}: a transacted JMS session per consumer, so a
 * message is acknowledged when the route completes and rolled back when it fails. No Spring transaction manager is
 * needed for that (lazyCreateTransactionManager=false): the listener's own session is transacted, and a message the
 * route sends to the dead-letter queue goes in the same transaction.
 */
public final class BrokerConnection implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory(
                context.resolvePropertyPlaceholders("{{jms.broker-url}}"),
                emptyToNull(context.resolvePropertyPlaceholders("{{jms.username}}")),
                emptyToNull(context.resolvePropertyPlaceholders("{{jms.password}}")));
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        jms.setTransacted(true);
        jms.setLazyCreateTransactionManager(false);
        // keep each consumer (and so its message groups) for the life of the route, as local transactions allow
        jms.setCacheLevelName("CACHE_CONSUMER");
        // a rollback is logged by the route in one line
        jms.setErrorHandlerLogStackTrace(false);
        jms.setErrorHandlerLoggingLevel(LoggingLevel.DEBUG);
        context.addComponent("jms", jms);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
