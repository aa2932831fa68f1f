package dev.mamori.server;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A server in a JVM of its own, for a test to kill with SIGKILL: makes the admin account named by
 * its second argument (a committed write), prints its port, then waits.
 */
public final class KilledServerMain {

    private KilledServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        MamoriServer server = MamoriServer.start(
                MamoriServer.Options.loopback(0, Path.of(args[0])),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
        server.initAdmin(args[1], java.util.Optional.of(args[1] + "-password"));
        System.out.println("port " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
