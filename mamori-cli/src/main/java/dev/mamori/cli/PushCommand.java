package dev.mamori.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        header = "Push a stakeholder's model files to a Mamori server (docs/server.md).",
        description = {
            "Sends FILE... as --stakeholder's new version of them. The server validates the whole",
            "landscape with them first: an invalid push is refused with the located errors and",
            "changes nothing; an accepted one becomes a revision, assessed at once. Files are named",
            "on the server by their path under --root (default: the folder of the first FILE).",
            "The bills of materials the files name with sbom: (inside that folder, at most 8 MiB",
            "each) are sent with them.",
            "The API token comes from MAMORI_TOKEN, or --token-file."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the push was accepted as a new revision",
            "1:the landscape with these files is invalid (the errors were printed, located)",
            "2:usage error, or the server refused the request (no token, not a maintainer of the stakeholder,"
                    + " a file of another stakeholder, a file too large or named outside --root)",
            "3:internal error in Mamori (a bug; please report it)",
            "5:the server could not be reached, or failed"
        })
final class PushCommand implements Callable<Integer> {

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The model files to push.")
    List<Path> files;

    @Option(
            names = "--server",
            required = true,
            paramLabel = "URL",
            description = "The server, e.g. http://127.0.0.1:8080.")
    String server;

    @Option(names = "--landscape", required = true, paramLabel = "ID", description = "The landscape on the server.")
    String landscape;

    @Option(
            names = "--stakeholder",
            required = true,
            paramLabel = "ID",
            description = "The stakeholder whose files these are.")
    String stakeholder;

    @Option(
            names = {"-m", "--message"},
            paramLabel = "TEXT",
            description = "Why: kept with the revision.")
    String message = "";

    @Option(names = "--root", paramLabel = "DIR", description = "The landscape folder the file names are relative to.")
    Path root;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Read the API token from FILE, not MAMORI_TOKEN.")
    Path tokenFile;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> token = token(err);
        if (token.isEmpty()) {
            return ExitCode.USAGE;
        }
        URI endpoint;
        try {
            URI base = new URI(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
                err.println("mamori push: --server is an http:// or https:// URL, not " + server);
                return ExitCode.USAGE;
            }
            endpoint = new URI(base + "/api/v1/landscapes/" + landscape + "/push");
        } catch (URISyntaxException e) {
            err.println("mamori push: --server or --landscape is not usable in a URL: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Path working = parent.workingDirectory().toAbsolutePath().normalize();
        Path folder = root != null
                ? working.resolve(root).normalize()
                : working.resolve(files.get(0)).normalize().getParent();
        ObjectNode body = JSON.createObjectNode();
        body.put("stakeholder", stakeholder);
        body.put("message", message);
        ArrayNode list = body.putArray("files");
        java.util.Set<Path> sboms = new java.util.TreeSet<>();
        for (Path file : files) {
            Path absolute = working.resolve(file).normalize();
            if (!absolute.startsWith(folder)) {
                err.println("mamori push: " + file + " is not inside the landscape folder " + folder
                        + " (--root names it)");
                return ExitCode.USAGE;
            }
            String content;
            try {
                content = Files.readString(absolute, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("mamori push: cannot read " + file + ": " + e.getMessage());
                return ExitCode.USAGE;
            }
            list.addObject()
                    .put("path", folder.relativize(absolute).toString().replace('\\', '/'))
                    .put("content", content);
            sboms.addAll(sbomsNamed(absolute, content));
        }
        // The bills of materials the pushed files name go with them: the server reads them where
        // the components name them. Only files inside the landscape folder, of bounded size.
        for (Path sbom : sboms) {
            if (files.stream().anyMatch(f -> working.resolve(f).normalize().equals(sbom))) {
                continue;
            }
            String name = folder.relativize(sbom).toString().replace('\\', '/');
            if (!sbom.startsWith(folder)) {
                err.println("mamori push: the bill of materials " + sbom + " is not inside the landscape folder "
                        + folder + " (--root names it); it is not sent");
                return ExitCode.USAGE;
            }
            try {
                if (!Files.isRegularFile(sbom)) {
                    err.println("mamori push: the bill of materials " + name + " that a pushed file names is not"
                            + " a file in " + folder);
                    return ExitCode.USAGE;
                }
                if (Files.size(sbom) > MAX_SBOM_BYTES) {
                    err.println("mamori push: the bill of materials " + name + " is larger than " + MAX_SBOM_BYTES
                            + " bytes, the server's limit");
                    return ExitCode.USAGE;
                }
                list.addObject()
                        .put("path", name)
                        .put("content", Files.readString(sbom, StandardCharsets.UTF_8))
                        .put("kind", "sbom");
            } catch (IOException e) {
                err.println("mamori push: cannot read the bill of materials " + name + ": " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        HttpResponse<String> response;
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            response = client.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofMinutes(5))
                            .header("Authorization", "Bearer " + token.get())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("mamori push: cannot reach " + server + ": " + e.getMessage());
            return ExitCode.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.UNAVAILABLE;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            err.println("mamori push: the server answered " + response.statusCode() + " with something not JSON");
            return ExitCode.UNAVAILABLE;
        }
        int status = response.statusCode();
        if (status == 201) {
            out.println("Revision " + answer.path("revision").asInt() + " of " + landscape + " accepted ("
                    + answer.path("contentHash").asText() + ").");
            JsonNode open = answer.path("openFindingsOfYourSystems");
            StringBuilder counts = new StringBuilder();
            for (String severity : List.of("critical", "high", "medium", "low", "info")) {
                if (open.has(severity)) {
                    counts.append(counts.length() == 0 ? "" : ", ")
                            .append(open.path(severity).asInt())
                            .append(' ')
                            .append(severity);
                }
            }
            out.println("Open findings that concern " + stakeholder + ": " + (counts.length() == 0 ? "none" : counts)
                    + ".");
            answer.path("warnings").forEach(w -> out.println(w.path("text").asText()));
            return ExitCode.OK;
        }
        String said = answer.path("message").asText("(no reason given)");
        if (status == 422) {
            answer.path("details")
                    .forEach(d -> err.println(
                            d.has("text")
                                    ? d.path("text").asText()
                                    : d.path("message").asText()));
            err.println("mamori push: refused: " + said);
            return ExitCode.INVALID;
        }
        err.println("mamori push: refused (" + status + "): " + said);
        return status >= 500 ? ExitCode.UNAVAILABLE : ExitCode.USAGE;
    }

    /** The largest bill of materials the server takes (Revisions.MAX_SBOM_BYTES). */
    static final long MAX_SBOM_BYTES = dev.mamori.server.revision.Revisions.MAX_SBOM_BYTES;

    /**
     * The files a model file names with {@code sbom:} (anywhere in it: components, fleets), resolved
     * as the model resolves them, against the folder of the file that names them. A file that does
     * not read names none: the server says what is wrong with it.
     */
    static List<Path> sbomsNamed(Path file, String content) {
        String name = file.getFileName().toString();
        java.util.Optional<dev.mamori.model.syntax.Node> tree = new dev.mamori.model.syntax.TreeReader(
                        dev.mamori.model.syntax.ReadLimits.DEFAULT)
                .read(
                        name,
                        content.getBytes(StandardCharsets.UTF_8),
                        dev.mamori.model.syntax.TreeReader.Syntax.forFileName(name),
                        new dev.mamori.model.diagnostics.Diagnostics());
        List<Path> named = new java.util.ArrayList<>();
        tree.ifPresent(t -> collect(t, file.getParent(), named));
        return named;
    }

    private static void collect(dev.mamori.model.syntax.Node node, Path dir, List<Path> named) {
        if (node instanceof dev.mamori.model.syntax.MapNode map) {
            for (dev.mamori.model.syntax.MapNode.Entry e : map.entries()) {
                if (e.key().equals("sbom")
                        && e.value() instanceof dev.mamori.model.syntax.ScalarNode s
                        && !s.isNull()) {
                    try {
                        named.add(dir.resolve(s.text()).normalize());
                    } catch (java.nio.file.InvalidPathException bad) {
                        // Not a file name: the server's validation says so, located.
                    }
                } else {
                    collect(e.value(), dir, named);
                }
            }
        } else if (node instanceof dev.mamori.model.syntax.ListNode items) {
            items.items().forEach(i -> collect(i, dir, named));
        }
    }

    private Optional<String> token(PrintWriter err) {
        if (tokenFile != null) {
            try {
                return Optional.of(Files.readString(parent.workingDirectory().resolve(tokenFile))
                        .strip());
            } catch (IOException e) {
                err.println("mamori push: cannot read --token-file " + tokenFile + ": " + e.getMessage());
                return Optional.empty();
            }
        }
        String env = System.getenv("MAMORI_TOKEN");
        if (env == null || env.isBlank()) {
            err.println("mamori push: no API token: set MAMORI_TOKEN, or give --token-file");
            return Optional.empty();
        }
        return Optional.of(env.strip());
    }
}
