package io.github.camellivedesk.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.camellivedesk.model.LiveDeskMessage;

/**
 * The one Jackson configuration of the component. Readers and writers are built once and shared: they are immutable
 * and thread-safe, and building them per message would dominate the per-message cost.
 */
public final class LiveDeskJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    // user input (a Map body) is read strictly, so that a misspelt key is an error and not a silently dropped field
    private static final ObjectMapper STRICT_MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectReader MESSAGE_READER = MAPPER.readerFor(LiveDeskMessage.class);
    private static final ObjectWriter WRITER = MAPPER.writer();

    private LiveDeskJson() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A mapper that fails on unknown fields, for input written by people. */
    public static ObjectMapper strictMapper() {
        return STRICT_MAPPER;
    }

    /** Reads a {@link LiveDeskMessage}. */
    public static ObjectReader messageReader() {
        return MESSAGE_READER;
    }

    /** Writes request models. */
    public static ObjectWriter writer() {
        return WRITER;
    }
}
