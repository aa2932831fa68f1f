package dev.mamori.cli;

import dev.mamori.vulns.feed.FeedReader;
import dev.mamori.vulns.store.VulnerabilityStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        header = "Keep vulnerability data in the local store.",
        description = {
            "Reads each file (a folder: its files, recursively), tells its format from its content, checks",
            "it in full and keeps it in the store with the date its source gives and today's date. A new",
            "KEV catalog or EPSS file replaces the previous one; an advisory file replaces one of the same",
            "name. --from fetches a feed over HTTP(S) first, for machines with a network."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:imported",
            "2:usage error, or a file that is not vulnerability data, or a fetch that failed (nothing imported)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class VulnsImportCommand implements Callable<Integer> {

    /** The largest feed fetched: NVD's and OSV's full dumps are a few hundred megabytes. */
    static final long MAX_FETCH_BYTES = 1_000_000_000L;

    @ParentCommand
    VulnsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "Files or folders of vulnerability data.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--from", paramLabel = "URL", description = "Fetch a feed from URL (http or https) and import it.")
    List<String> urls = new ArrayList<>();

    @Option(
            names = "--vuln-db",
            paramLabel = "DIR",
            description = "The store to fill (default: ~/.cache/mamori/vulns).")
    Path store;

    @Option(names = "--today", paramLabel = "DATE", description = "The import date to record (default: today).")
    LocalDate today;

    @Override
    public Integer call() throws IOException {
        if (files.isEmpty() && urls.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name a file or folder to import, or --from URL");
        }
        Path working = parent.parent().workingDirectory();
        VulnerabilityStore target =
                new VulnerabilityStore(store != null ? working.resolve(store) : VulnerabilityStore.defaultFolder());
        LocalDate day = today != null ? today : LocalDate.now();
        // Everything is read before anything is stored, so one bad file leaves the store unchanged.
        record Pending(String name, byte[] bytes, String origin) {}
        List<Pending> pending = new ArrayList<>();
        for (Path given : files) {
            Path path = working.resolve(given);
            if (!Files.exists(path)) {
                throw new ParameterException(spec.commandLine(), "there is no file or folder " + given);
            }
            for (Path file : Files.isDirectory(path) ? VulnerabilityStore.filesOf(path) : List.of(path)) {
                // The origin is the file as the user would name it, also when a folder was named: the
                // store, and the lines printed, say where each came from.
                String origin = file.equals(path)
                        ? given.toString()
                        : given.resolve(path.relativize(file)).toString();
                pending.add(new Pending(file.getFileName().toString(), Files.readAllBytes(file), origin));
            }
        }
        for (String url : urls) {
            pending.add(new Pending(nameOf(url), fetch(url), url));
        }
        try {
            for (Pending p : pending) {
                FeedReader.read(p.origin(), p.bytes());
            }
            for (Pending p : pending) {
                for (VulnerabilityStore.Imported i : target.importBytes(p.name(), p.bytes(), p.origin(), day)) {
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "imported %s: %s, %d record%s%s%s%n",
                                    p.origin(),
                                    i.kind().title(),
                                    i.records(),
                                    i.records() == 1 ? "" : "s",
                                    i.date().isEmpty() ? "" : ", dated " + i.date(),
                                    i.replaced().isEmpty()
                                            ? ""
                                            : " (replaces " + String.join(", ", i.replaced()) + ")");
                }
            }
        } catch (FeedReader.BadFeed e) {
            throw new ParameterException(spec.commandLine(), "cannot import: " + e.getMessage());
        }
        spec.commandLine().getOut().println("store: " + target.folder());
        return ExitCode.OK;
    }

    private static String nameOf(String url) {
        String path = url.replaceFirst("[?#].*$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? "feed" : last;
    }

    private byte[] fetch(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--from takes a URL, not '" + url + "'");
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new ParameterException(spec.commandLine(), "--from takes an http or https URL, not '" + url + "'");
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofMinutes(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "cannot fetch " + url + ": the server answered " + response.statusCode());
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FETCH_BYTES + 1));
                if (bytes.length > MAX_FETCH_BYTES) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "cannot fetch " + url + ": it is larger than " + MAX_FETCH_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot fetch " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParameterException(spec.commandLine(), "cannot fetch " + url + ": interrupted");
        }
    }
}
