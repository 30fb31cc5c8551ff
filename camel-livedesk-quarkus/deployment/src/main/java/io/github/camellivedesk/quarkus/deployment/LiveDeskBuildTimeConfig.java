package io.github.camellivedesk.quarkus.deployment;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the Camel LiveDesk extension.
 */
@ConfigMapping(prefix = "quarkus.camel.livedesk")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface LiveDeskBuildTimeConfig {

    /**
     * Dev Services: the LiveDesk simulator started in dev mode and tests.
     */
    DevServices devservices();

    interface DevServices {

        /**
         * Whether dev mode and tests start the LiveDesk simulator when no {@code camel.component.livedesk.base-url}
         * is configured. It is never started in production mode, and never when a base URL is configured.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The port of the simulator on 127.0.0.1; a free port if not set.
         */
        OptionalInt port();

        /**
         * Conversation ids the simulator knows from the start; any other id answers 404 as the real service does.
         * If not set, a conversation is created the first time a message is sent to it.
         */
        Optional<List<Long>> conversations();

        /**
         * Where the simulator posts webhook events (a customer's reply, a message's status). If not set, the
         * application's own HTTP port in this launch mode and the livedesk:events path
         * ({@code http://127.0.0.1:8081/livedesk/events} in tests); none when that port is random. {@code none}: no
         * events.
         */
        Optional<String> webhookUrl();
    }
}
