package io.github.camellivedesk.mapping;

import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;

import io.github.camellivedesk.error.LiveDeskValidationException;

/**
 * Reads a value that a header overrides and an option defaults, converting the header with Camel's type converters
 * so that {@code "true"} or {@code "141"} set from any DSL work.
 */
final class HeaderOrOption {

    private HeaderOrOption() {
    }

    static <T> T resolve(Exchange exchange, String header, Class<T> type, T option, String optionName) {
        Object raw = exchange.getMessage().getHeader(header);
        if (raw == null) {
            return option;
        }
        if (type.isInstance(raw)) {
            return type.cast(raw);
        }
        try {
            T converted = exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, raw);
            if (converted == null) {
                throw new TypeConversionException(raw, type, null);
            }
            return converted;
        } catch (Exception e) {
            throw new LiveDeskValidationException("header " + header,
                    "'" + describe(raw) + "' (" + raw.getClass().getSimpleName() + ") is not a " + type.getSimpleName(),
                    "Set the header to a " + type.getSimpleName() + (optionName == null ? "" : " or remove it to use the "
                                                                                            + optionName + " option"), e);
        }
    }

    /** The value cut to a readable length, for messages. */
    static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
