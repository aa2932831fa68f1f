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
        for (Path file : files) {
            Path absolute = working.resolve(file).normalize();
            if (!absolute.startsWith(folder)) {
                err.println("mamori push: " + file + " is not inside the landscape folder " + folder
                        + " (--root names it)");
                return ExitCode.USAGE;
            }
            try {
                list.addObject()
                        .put("path", folder.relativize(absolute).toString().replace('\\', '/'))
                        .put("content", Files.readString(absolute, StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("mamori push: cannot read " + file + ": " + e.getMessage());
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
