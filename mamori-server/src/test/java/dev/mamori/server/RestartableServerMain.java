package dev.mamori.server;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A server in a JVM of its own, started again and again on one data folder by a test that kills it
 * with SIGKILL: makes the admin account {@code admin} (password {@code admin-password-long}) the
 * first time, prints its port, then serves until killed.
 */
public final class RestartableServerMain {

    private RestartableServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        MamoriServer server = MamoriServer.start(
                MamoriServer.Options.loopback(0, Path.of(args[0])),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
        try {
            server.initAdmin("admin", Optional.of("admin-password-long"));
        } catch (ApiError e) {
            // Made by an earlier run.
        }
        System.out.println("port " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
