package dev.mamori.enforce;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link NftablesLiveTest} inside a network namespace of its own (so the host's firewall is
 * never touched): brings loopback up, loads a ruleset with {@code nft -f}, listens on two
 * addresses, connects to each from a third and prints one line per attempt, then the ruleset as
 * the kernel holds it, counters included.
 *
 * <p>Arguments: RULESET SOURCE then pairs of ADDRESS PORT to listen on and connect to.
 */
final class NamespaceProbe {

    private NamespaceProbe() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        run("ip", "link", "set", "lo", "up");
        run("nft", "-f", args[0]);
        InetAddress source = InetAddress.getByName(args[1]);
        List<ServerSocket> listeners = new ArrayList<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getByName(args[i]), Integer.parseInt(args[i + 1])));
            listeners.add(s);
        }
        for (ServerSocket listener : listeners) {
            String target = listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
            try (Socket client = new Socket()) {
                client.bind(new InetSocketAddress(source, 0));
                // A dropped SYN is never answered: the attempt ends with this timeout.
                client.connect(listener.getLocalSocketAddress(), 2000);
                System.out.println("connected " + target);
            } catch (SocketTimeoutException e) {
                System.out.println("timed-out " + target);
            } catch (IOException e) {
                System.out.println("failed " + target + " " + e.getMessage());
            }
        }
        for (ServerSocket listener : listeners) {
            listener.close();
        }
        System.out.println("--- ruleset");
        System.out.print(run("nft", "list", "ruleset"));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
