package io.github.camellivedesk.simulator;

/**
 * Run in a fresh JVM by {@link SimulatorDesignTest}, so that no property of the test JVM (the build sets both for
 * every test) can hide what the code under test does: prints the JDK server's two settings after starting a
 * simulator as a library, or, with the argument {@code standalone}, after the standalone main ran (with
 * {@code --help}, so it returns at once).
 */
public final class PropertiesProbe {

    private PropertiesProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("standalone")) {
            SimulatorMain.main(new String[]{ "--help" });
        } else {
            try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().build().start()) {
                // started and closed: the library had its chance to change a setting
            }
        }
        System.out.println("nodelay=" + System.getProperty("sun.net.httpserver.nodelay"));
        System.out.println("maxIdleConnections=" + System.getProperty("sun.net.httpserver.maxIdleConnections"));
    }
}
