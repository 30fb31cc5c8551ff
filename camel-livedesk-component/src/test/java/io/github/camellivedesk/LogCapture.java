package io.github.camellivedesk;

import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Raises every logger to TRACE (or a given level) and keeps all output, with stack traces, for a test to search. */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Level previous;

    private LogCapture() {
        this(Level.ALL);
    }

    private LogCapture(Level level) {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        LoggerConfig root = configuration.getRootLogger();
        previous = root.getLevel();
        start();
        root.addAppender(this, level, null);
        root.setLevel(level);
        context.updateLoggers();
    }

    static LogCapture begin() {
        return new LogCapture();
    }

    /** Captures from {@code level} up: {@code Level.INFO} is what an application logs with default settings. */
    static LogCapture begin(Level level) {
        return new LogCapture(level);
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                .append(event.getMessage().getFormattedMessage());
        Throwable thrown = event.getThrown();
        while (thrown != null) {
            line.append(" | ").append(thrown);
            thrown = thrown.getCause();
        }
        lines.add(line.toString());
    }

    /** Every line captured so far, with the logger name first. */
    java.util.List<String> lines() {
        return java.util.List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(getName());
        root.setLevel(previous);
        context.updateLoggers();
        stop();
    }
}
