package io.github.camellivedesk.model.event;

/**
 * An event the component has no record for (e.g. {@code webwidget_triggered}, or one LiveDesk adds later): passed on
 * as it came, never refused. {@code convertBodyTo(Map.class)} gives its fields.
 *
 * @param event its {@code event} field
 * @param json  the delivery's body as received
 */
public record OtherEvent(String event, String json) implements LiveDeskEvent {
}
