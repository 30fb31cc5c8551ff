package io.github.camellivedesk.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/** Writes the results as a Markdown table and as a bar chart. */
final class ResultsReport {

    private static final Color[] COLORS = { new Color(0x4e79a7), new Color(0xe15759), new Color(0x59a14f),
            new Color(0x9c755f), new Color(0x76b7b2), new Color(0xf28e2b) };

    private ResultsReport() {
    }

    static String table(ScenarioResult result) {
        StringBuilder out = new StringBuilder();
        out.append(
                "| variant | messages/s | CPU s per 10,000 messages | peak heap | failures | ratio to (a) | ratio to (b) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : result.measurements()) {
            out.append(
                    String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %,d MiB | %d | %s | %s |%n", m.variant().label(),
                            m.messagesPerSecond(), m.cpuSecondsPer10k(), m.peakHeapBytes() >> 20, m.failures(),
                            ratio(result.ratio(m.variant(), Variant.RAW_HTTPCLIENT)),
                            ratio(result.ratio(m.variant(), Variant.CAMEL_HTTP))));
        }
        return out.toString();
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2fx", value);
    }

    /** One panel per scenario: messages/s for text scenarios, peak heap for attachments. */
    static void chart(List<ScenarioResult> results, Path file) throws IOException {
        int panelWidth = 420;
        int height = 500;
        BufferedImage image = new BufferedImage(panelWidth * results.size(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), height);
        for (int p = 0; p < results.size(); p++) {
            panel(g, results.get(p), p * panelWidth, panelWidth, height);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, ScenarioResult result, int x0, int width, int height) {
        boolean heap = result.scenario().attachmentSize() > 0;
        List<Measurement> measurements = result.measurements();
        double max = 1;
        for (Measurement m : measurements) {
            max = Math.max(max, value(m, heap));
        }
        int top = 60;
        // room below the axis for a legend line per variant
        int bottom = height - 40 - 13 * Variant.values().length;
        int left = x0 + 50;
        int right = x0 + width - 20;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(result.scenario().name(), x0 + 50, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(heap ? "peak heap (MiB), lower is better" : "messages/s, higher is better", x0 + 50, 42);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        int slot = (right - left) / Math.max(1, measurements.size());
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            double value = value(m, heap);
            int barHeight = (int) ((bottom - top) * value / max);
            int bx = left + i * slot + slot / 6;
            int bw = slot * 2 / 3;
            g.setColor(COLORS[m.variant().ordinal() % COLORS.length]);
            g.fillRect(bx, bottom - barHeight, bw, barHeight);
            g.setColor(Color.BLACK);
            String label = String.format(Locale.ROOT, "%,.0f", value);
            g.drawString(label, bx + (bw - g.getFontMetrics().stringWidth(label)) / 2, bottom - barHeight - 4);
            String name = "(" + m.variant().letter() + ")";
            g.drawString(name, bx + (bw - g.getFontMetrics().stringWidth(name)) / 2, bottom + 16);
        }
        int legendY = bottom + 34;
        for (Measurement m : measurements) {
            g.setColor(COLORS[m.variant().ordinal() % COLORS.length]);
            g.fillRect(x0 + 50, legendY - 9, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(m.variant().label(), x0 + 66, legendY);
            legendY += 13;
        }
    }

    private static double value(Measurement m, boolean heap) {
        // whole MiB as in the table
        return heap ? m.peakHeapBytes() >> 20 : m.messagesPerSecond();
    }
}
