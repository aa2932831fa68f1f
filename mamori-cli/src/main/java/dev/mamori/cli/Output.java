package dev.mamori.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code -o} option of the commands that write a document, and the one rule every command
 * writes files by: {@code -o FILE} for a format that is one file, {@code -o DIR} for one that is
 * several; never onto a file the command reads; otherwise an existing file is replaced (only
 * {@code init}, whose target is a model someone may have edited, asks for {@code --force}); a
 * missing folder is created only when it is the {@code -o DIR} itself. A file is written beside its
 * target and moved into place, so a failed write (a full disk) leaves the old file as it was; through
 * a symbolic link, the file it leads to is replaced and the link stays; a device such as {@code
 * /dev/null} or a named pipe is written as it is. Every problem is a usage error (exit 2) that says
 * why. Used as a picocli mixin.
 */
final class Output {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to FILE instead of the output.")
    Path file;

    /** A document written as it is produced, to a file or to standard output. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code text} to the file (relative to the working directory), or prints it when none was named. */
    void write(CommandLine commandLine, Path workingDirectory, String text) {
        write(commandLine, workingDirectory, text, List.of());
    }

    /** As above, refusing to write over any of {@code inputs} (paths relative to the working directory). */
    void write(CommandLine commandLine, Path workingDirectory, String text, Collection<?> inputs) {
        write(commandLine, workingDirectory, out -> out.write(text), inputs);
    }

    /**
     * Streams {@code content} to the file under the rule above (into the file beside the target, then
     * moved into place), or to standard output when none was named; never held whole in memory.
     */
    void write(CommandLine commandLine, Path workingDirectory, Content content, Collection<?> inputs) {
        if (file == null) {
            PrintWriter out = commandLine.getOut();
            try {
                content.writeTo(out);
            } catch (IOException e) {
                // a PrintWriter does not throw; whatever did is reported like a closed output
                throw new ParameterException(commandLine, "cannot write to standard output: " + reason(e));
            }
            out.flush();
        } else {
            writeFile(commandLine, workingDirectory, file, content, inputs);
        }
    }

    /** Writes {@code bytes} to {@code given} under the rule above. */
    static void writeFile(
            CommandLine commandLine, Path workingDirectory, Path given, byte[] bytes, Collection<?> inputs) {
        // Written in one call, with no buffer or thread (enforce writes 3,000 small files).
        writeBytes(commandLine, workingDirectory, given, out -> out.write(bytes), inputs);
    }

    /** Streams {@code content} as UTF-8 to {@code given} under the rule above. */
    static void writeFile(
            CommandLine commandLine, Path workingDirectory, Path given, Content content, Collection<?> inputs) {
        writeBytes(
                commandLine,
                workingDirectory,
                given,
                out -> {
                    // Encoded and written on a second thread while the content is produced.
                    try (Writer text = new BackgroundUtf8Writer(out)) {
                        content.writeTo(text);
                    }
                },
                inputs);
    }

    /** Bytes written as they are produced. */
    @FunctionalInterface
    private interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void writeBytes(
            CommandLine commandLine, Path workingDirectory, Path given, Bytes content, Collection<?> inputs) {
        Path target = workingDirectory.resolve(given).toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ParameterException(commandLine, given + " is a folder; name a file to write");
        }
        Path folder = target.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ParameterException(
                    commandLine, "cannot write " + given + ": the folder " + folder + " does not exist");
        }
        refuseInputs(commandLine, workingDirectory, given, target, inputs);
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath(); // the file the link leads to is replaced; the link stays
            } catch (IOException e) {
                // a link to nothing yet, or to a pipe (/dev/stdout): written through, below
            }
        }
        if (Files.isSymbolicLink(target) || Files.exists(target) && !Files.isRegularFile(target)) {
            // A device or a pipe (-o /dev/null, a named pipe): written as it is. Moving a file into
            // its place would replace it, and as root /dev/null itself.
            try {
                stream(target, content);
            } catch (IOException e) {
                throw new ParameterException(commandLine, "cannot write " + given + ": " + reason(e));
            }
            return;
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            stream(temporary, content);
            move(temporary, target);
            temporary = null;
        } catch (IOException e) {
            throw new ParameterException(commandLine, "cannot write " + given + ": " + reason(e));
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write already failed and says so; a leftover part file is named for what it was
                }
            }
        }
    }

    private static void stream(Path path, Bytes content) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            content.writeTo(out);
        }
    }

    /**
     * The folder {@code given} names for a format of several files, created when missing (its parent
     * must exist), refused when it is a file.
     */
    static Path folder(CommandLine commandLine, Path workingDirectory, Path given) {
        Path target = workingDirectory.resolve(given).toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new ParameterException(
                    commandLine, given + " is a file; this format writes several files into a folder");
        }
        Path parent = target.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ParameterException(
                    commandLine, "cannot create the folder " + given + ": " + parent + " does not exist");
        }
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new ParameterException(commandLine, "cannot create the folder " + given + ": " + reason(e));
        }
        return target;
    }

    private static void refuseInputs(
            CommandLine commandLine, Path workingDirectory, Path given, Path target, Collection<?> inputs) {
        for (Object input : inputs) {
            Path read =
                    workingDirectory.resolve(input.toString()).toAbsolutePath().normalize();
            boolean same;
            try {
                same = read.equals(target) || (Files.exists(target) && Files.isSameFile(read, target));
            } catch (IOException e) {
                same = false;
            }
            if (same) {
                throw new ParameterException(
                        commandLine, "-o " + given + " is a file this command reads; name another file");
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Why a write failed, in words rather than an exception's name. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : "the write failed";
    }

    /** Plain values (maps, lists, scalars) as a model file: YAML without a document marker, or indented JSON. */
    static String model(Object plainValues, boolean json) throws IOException {
        ObjectMapper mapper = json
                ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                : new ObjectMapper(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .build());
        String text = mapper.writeValueAsString(plainValues);
        return text.endsWith("\n") ? text : text + "\n";
    }
}
