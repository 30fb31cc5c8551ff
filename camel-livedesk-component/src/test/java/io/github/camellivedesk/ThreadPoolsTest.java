package io.github.camellivedesk;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component's threads are Camel's: named by Camel's executor service manager (so a thread dump shows
 * {@code LiveDesk...}), sized by a thread pool profile a user registers, and gone when the context stops.
 */
class ThreadPoolsTest extends LiveDeskTestSupport {

    private static Set<String> liveDeskThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("LiveDesk")).collect(Collectors.toSet());
    }

    @Test
    void threadsComeFromCamelAndStopWithTheContext() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getExecutorServiceManager().setThreadNamePattern("pools #name# ##counter#");
        ThreadPoolProfile workers = new ThreadPoolProfile("LiveDeskWorker");
        workers.setPoolSize(1);
        workers.setMaxPoolSize(1);
        workers.setMaxQueueSize(-1);
        camel.getExecutorServiceManager().registerThreadPoolProfile(workers);
        camel.addComponent("livedesk", pointAt(new LiveDeskComponent(), simulator()));
        CopyOnWriteArrayList<String> continuedOn = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("livedesk:send?conversationId=141&continueOnIoThread=false")
                        .process(exchange -> continuedOn.add(Thread.currentThread().getName()));
            }
        });
        camel.start();
        try {
            for (int i = 0; i < 5; i++) {
                camel.createProducerTemplate().requestBody("direct:send", "message " + i);
            }
            assertThat(liveDeskThreads()).as("named by Camel's thread name pattern")
                    .anyMatch(name -> name.startsWith("pools LiveDeskScheduler"))
                    .anyMatch(name -> name.startsWith("pools LiveDeskIO"));
            assertThat(continuedOn).hasSize(5).allMatch(name -> name.startsWith("pools LiveDeskWorker #"));
            assertThat(Set.copyOf(continuedOn)).as("the one worker the registered profile allows").hasSize(1);
        } finally {
            camel.stop();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(liveDeskThreads()).as("threads left after the context stopped")
                        .noneMatch(name -> name.startsWith("pools ")));
    }
}
