package io.github.camellivedesk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Raises every logger to TRACE (or a given level) and keeps all output, with stack traces, in memory for a test to
 * search, instead of the appenders already configured (the console): what a test captures, it asserts on, so neither
 * its expected warnings nor thousands of TRACE lines reach the build output.
 */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();
    private final Level previous;
    private final Map<String, Appender> others;

    private LogCapture() {
        this(Level.ALL);
    }

    private LogCapture(Level level) {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        previous = root.getLevel();
        others = Map.copyOf(root.getAppenders());
        start();
        // the root logger lets everything through to the capture, and only there: what a test captures it asserts
        // on, so it stays out of the build output; the other appenders get it back when the capture closes
        others.forEach((name, appender) -> root.removeAppender(name));
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
        lines.add(new Line(event.getLevel(), line.toString()));
    }

    /** Every line captured so far, with the logger name first. */
    List<String> lines() {
        return lines.stream().map(Line::text).toList();
    }

    /** The lines logged at {@code level} or more severe (ERROR is more severe than WARN). */
    List<String> lines(Level level) {
        return lines.stream().filter(line -> line.level().isMoreSpecificThan(level)).map(Line::text).toList();
    }

    private record Line(Level level, String text) {
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(getName());
        others.forEach((name, appender) -> {
            root.removeAppender(name);
            root.addAppender(appender, null, null);
        });
        root.setLevel(previous);
        context.updateLoggers();
        stop();
    }
}
