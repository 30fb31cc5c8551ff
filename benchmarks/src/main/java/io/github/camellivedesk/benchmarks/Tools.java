package io.github.camellivedesk.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The external programs the harness uses when they are installed: nginx, wrk. */
final class Tools {

    private Tools() {
    }

    static Path find(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : new String[]{ "/usr/sbin", "/usr/bin" }) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Requests/s that wrk reaches for the documented text message at 64 connections, or -1 without wrk. */
    static double wrkRequestsPerSecond(String messagesUrl, String authorization)
            throws IOException, InterruptedException {
        Path wrk = find("wrk");
        if (wrk == null) {
            return -1;
        }
        Path script = Files.createTempFile("send-text", ".lua");
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.headers[\"Authorization\"] = \"" + authorization + "\"\n"
                + "wrk.body = '" + Workload.TEXT_JSON + "'\n");
        run(wrk.toString(), "-t2", "-c64", "-d3s", "-s", script.toString(), messagesUrl);
        String output = run(wrk.toString(), "-t2", "-c64", "-d10s", "-s", script.toString(), messagesUrl);
        Matcher matcher = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    /**
     * The commit this tree is at and whether the component differs from it (a before/after run names the code it
     * measured), or null outside a git work tree.
     */
    static String codeVersion() {
        try {
            // the harness runs in benchmarks/: its parent must be the work tree's root, not a tree that merely contains it
            String root = run("git", "rev-parse", "--show-toplevel").trim();
            Path parent = Path.of("").toAbsolutePath().getParent();
            if (root.isEmpty() || !Files.isDirectory(Path.of(root)) || parent == null
                    || !Files.isSameFile(Path.of(root), parent)) {
                return null;
            }
            String commit = run("git", "-C", root, "log", "-1", "--format=%h").trim();
            String date = run("git", "-C", root, "log", "-1", "--format=%cs").trim();
            String changed = run("git", "-C", root, "status", "--porcelain", "--", "camel-livedesk-component").trim();
            return "commit `" + commit + "` (" + date + ") in " + Path.of(root).getFileName() + (changed.isEmpty()
                    ? ", camel-livedesk-component unchanged from it"
                    : ", **camel-livedesk-component with uncommitted changes**");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
