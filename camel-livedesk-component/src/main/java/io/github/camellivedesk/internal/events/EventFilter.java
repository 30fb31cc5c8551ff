package io.github.camellivedesk.internal.events;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camellivedesk.model.event.LiveDeskEvent;
import io.github.camellivedesk.model.event.MessageEvent;

/**
 * Which events a route wants, from the {@code events} and {@code messageTypes} options: an event not named is
 * acknowledged and not routed; the message kinds apply to message events only.
 *
 * @param events       event names to route; empty for all
 * @param messageTypes message kinds ({@code incoming}, {@code outgoing}, {@code private}, {@code activity}) to route;
 *                     empty for all
 */
public record EventFilter(Set<String> events, Set<String> messageTypes) {

    /** The message kinds {@link MessageEvent#kind()} names. */
    public static final Set<String> MESSAGE_KINDS = Set.of("incoming", "outgoing", "private", "activity");

    public EventFilter {
        events = Set.copyOf(events);
        messageTypes = Set.copyOf(messageTypes);
    }

    /** From the options' comma lists; null or blank for all. */
    public static EventFilter of(String events, String messageTypes) {
        return new EventFilter(list(events), list(messageTypes));
    }

    /** The names in a comma list, trimmed, blanks dropped. */
    public static Set<String> list(String commaList) {
        if (commaList == null) {
            return Set.of();
        }
        return Arrays.stream(commaList.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the route wants this event. */
    public boolean accepts(LiveDeskEvent event) {
        if (!events.isEmpty() && !events.contains(event.event())) {
            return false;
        }
        return messageTypes.isEmpty() || !(event instanceof MessageEvent message)
                || messageTypes.contains(message.kind());
    }
}
