package io.github.camellivedesk.simulator;

/** Run in a fresh JVM by {@link SimulatorDesignTest}: starts a simulator and prints the JDK server's two settings. */
public final class PropertiesProbe {

    private PropertiesProbe() {
    }

    public static void main(String[] args) {
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().build().start()) {
            System.out.println("nodelay=" + System.getProperty("sun.net.httpserver.nodelay"));
            System.out.println("maxIdleConnections=" + System.getProperty("sun.net.httpserver.maxIdleConnections"));
        }
    }
}
