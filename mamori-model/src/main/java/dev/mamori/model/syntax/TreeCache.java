package dev.mamori.model.syntax;

import dev.mamori.model.diagnostics.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The trees of large model files kept on disk, so that a file that has not changed is not parsed
 * again: YAML parsing is the largest part of loading a large landscape, and reading the kept tree
 * back is several times faster (docs/performance.md, "A cache of parsed files").
 *
 * <p>Safe by construction: an entry is used only when the SHA-256 of everything its tree depends on
 * matches the one it was written with — the file's bytes, its name (every location carries it), the
 * syntax, the read limits and the code that parses (the jar or class files of Mamori's reader and of
 * Jackson and SnakeYAML, by path, size and time). Each file of a landscape is looked up by itself, so
 * a change in an imported file misses that file's entry. Only trees parsed without any diagnostic
 * are kept. An entry that cannot be read, is cut short, or fails its CRC-32C is ignored and written
 * again; a folder that cannot be written leaves the cache unused. Nothing here reports an error.
 *
 * <p>Entries live in {@code .mamori/cache} beside the landscape, one per file name (a changed file
 * replaces its entry, so the folder does not grow with edits), with a {@code .gitignore} so that
 * they are never committed. Files under {@link #MIN_BYTES} are parsed every time: they parse in
 * milliseconds.
 */
public final class TreeCache {

    /** Files smaller than this are not cached. */
    public static final int MIN_BYTES = 256 * 1024;

    /** No cache: every file is parsed. */
    public static final TreeCache NONE = new TreeCache(null);

    private static final byte[] MAGIC = "MAMORI-TREE\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int MAP = 0;
    private static final int LIST = 1;
    private static final int SCALAR = 2;
    private static final ScalarNode.Kind[] KINDS = ScalarNode.Kind.values();

    /** The code that parses, as a string that changes whenever that code does; null when unknown. */
    private static volatile String codeIdentity;

    private final Path folder;

    private TreeCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in {@code landscapeFolder/.mamori/cache}, created when first written. */
    public static TreeCache beside(Path landscapeFolder) {
        return new TreeCache(landscapeFolder.resolve(".mamori").resolve("cache"));
    }

    /** Whether a file of this content is looked up here. */
    boolean covers(byte[] content) {
        return folder != null && content.length >= MIN_BYTES && code() != null;
    }

    /** The digest an entry for this input must carry. */
    byte[] key(String file, byte[] content, TreeReader.Syntax syntax, ReadLimits limits) {
        MessageDigest sha = sha256();
        sha.update(MAGIC);
        sha.update((FORMAT + "\n" + code() + "\n" + syntax + "\n" + limits + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] name = file.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(name.length).array());
        sha.update(name);
        sha.update(content);
        return sha.digest();
    }

    /** The kept tree of {@code file} when its entry carries {@code key} and is whole, else empty. */
    Optional<Node> get(String file, byte[] key) {
        try {
            Path entry = entry(file);
            if (!Files.isRegularFile(entry)) {
                return Optional.empty();
            }
            return decode(Files.readAllBytes(entry), file, key);
        } catch (IOException | RuntimeException e) {
            // A damaged, cut or foreign entry: parsed again, and the entry rewritten.
            return Optional.empty();
        }
    }

    /** Keeps {@code tree} as the entry of {@code file}; does nothing when it cannot be written. */
    void put(String file, byte[] key, Node tree) {
        try {
            byte[] bytes = encode(tree, file, key);
            Files.createDirectories(folder);
            Path ignore = folder.getParent().resolve(".gitignore");
            if (!Files.exists(ignore)) {
                Files.writeString(ignore, "# Mamori's cache of parsed model files; safe to delete.\n*\n");
            }
            Path entry = entry(file);
            Path part = Files.createTempFile(folder, entry.getFileName().toString(), ".part");
            try {
                Files.write(part, bytes);
                try {
                    Files.move(part, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, entry, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException | RuntimeException e) {
            // A read-only folder, a full disk: the next run parses the file again.
        }
    }

    private Path entry(String file) {
        byte[] name = sha256().digest(file.getBytes(StandardCharsets.UTF_8));
        return folder.resolve(HexFormat.of().formatHex(name, 0, 16) + ".tree");
    }

    // The entry: MAGIC, FORMAT, the key, the strings, the tree, then the CRC-32C of all that.

    static byte[] encode(Node tree, String file, byte[] key) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        List<String> strings = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
        DataOutputStream out = new DataOutputStream(body);
        writeNode(out, tree, file, ids, strings);
        out.flush();

        ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + strings.size() * 16 + 64);
        DataOutputStream head = new DataOutputStream(all);
        head.write(MAGIC);
        head.writeInt(FORMAT);
        head.write(key);
        head.writeInt(strings.size());
        for (String s : strings) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeVarint(head, utf8.length);
            head.write(utf8);
        }
        body.writeTo(head);
        head.flush();
        CRC32C crc = new CRC32C();
        byte[] bytes = all.toByteArray();
        crc.update(bytes, 0, bytes.length);
        byte[] whole = Arrays.copyOf(bytes, bytes.length + 8);
        ByteBuffer.wrap(whole, bytes.length, 8).putLong(crc.getValue());
        return whole;
    }

    private static void writeNode(
            DataOutputStream out, Node node, String file, Map<String, Integer> ids, List<String> strings)
            throws IOException {
        if (node instanceof MapNode map) {
            out.writeByte(MAP);
            writeAt(out, map.at(), file);
            writeVarint(out, map.entries().size());
            for (MapNode.Entry e : map.entries()) {
                writeVarint(out, id(e.key(), ids, strings));
                writeAt(out, e.keyAt(), file);
                writeNode(out, e.value(), file, ids, strings);
            }
        } else if (node instanceof ListNode list) {
            out.writeByte(LIST);
            writeAt(out, list.at(), file);
            writeVarint(out, list.items().size());
            for (Node item : list.items()) {
                writeNode(out, item, file, ids, strings);
            }
        } else {
            ScalarNode scalar = (ScalarNode) node;
            out.writeByte(SCALAR);
            writeAt(out, scalar.at(), file);
            writeVarint(out, id(scalar.text(), ids, strings));
            out.writeByte(scalar.kind().ordinal());
        }
    }

    private static int id(String s, Map<String, Integer> ids, List<String> strings) {
        Integer id = ids.get(s);
        if (id == null) {
            id = strings.size();
            ids.put(s, id);
            strings.add(s);
        }
        return id;
    }

    private static void writeAt(DataOutputStream out, SourceLocation at, String file) throws IOException {
        if (!file.equals(at.file())) {
            // Every location of a file's tree is in that file; anything else is not kept.
            throw new IOException("a location outside the file");
        }
        writeVarint(out, at.line());
        writeVarint(out, at.column());
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    static Optional<Node> decode(byte[] bytes, String file, byte[] key) {
        int fixed = MAGIC.length + 4 + key.length + 4 + 8;
        if (bytes.length < fixed) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getLong(bytes.length - 8) != crc.getValue()
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        in.position(MAGIC.length);
        if (in.getInt() != FORMAT) {
            return Optional.empty();
        }
        byte[] kept = new byte[key.length];
        in.get(kept);
        if (!MessageDigest.isEqual(kept, key)) {
            return Optional.empty();
        }
        int count = in.getInt();
        if (count < 0 || count > bytes.length) {
            return Optional.empty();
        }
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            int length = readVarint(in);
            strings[i] = new String(bytes, in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
        }
        Reader reader = new Reader(in, file, strings);
        Node root = reader.node(0);
        return in.position() == bytes.length - 8 ? Optional.of(root) : Optional.empty();
    }

    private static int readVarint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("a number too long");
    }

    /** Reads nodes back; locations of one line share nothing but the file's string. */
    private record Reader(ByteBuffer in, String file, String[] strings) {

        Node node(int depth) {
            if (depth > 1000) {
                throw new IllegalStateException("nested too deep");
            }
            int tag = in.get();
            SourceLocation at = at();
            switch (tag) {
                case MAP -> {
                    int n = size();
                    List<MapNode.Entry> entries = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        String k = strings[readVarint(in)];
                        SourceLocation keyAt = at();
                        entries.add(new MapNode.Entry(k, keyAt, node(depth + 1)));
                    }
                    return new MapNode(at, entries);
                }
                case LIST -> {
                    int n = size();
                    List<Node> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(node(depth + 1));
                    }
                    return new ListNode(at, items);
                }
                case SCALAR -> {
                    String text = strings[readVarint(in)];
                    return new ScalarNode(at, text, KINDS[in.get()]);
                }
                default -> throw new IllegalStateException("not a node");
            }
        }

        private int size() {
            int n = readVarint(in);
            if (n < 0 || n > in.remaining()) {
                throw new IllegalStateException("a size past the end");
            }
            return n;
        }

        private SourceLocation at() {
            return new SourceLocation(file, readVarint(in), readVarint(in));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What identifies the parsing code; null (no cache) when it cannot be told. */
    private static String code() {
        String known = codeIdentity;
        if (known == null) {
            try {
                StringBuilder id = new StringBuilder();
                for (Class<?> c : List.of(
                        TreeReader.class,
                        com.fasterxml.jackson.dataformat.yaml.YAMLParser.class,
                        com.fasterxml.jackson.core.JsonParser.class,
                        org.yaml.snakeyaml.reader.StreamReader.class)) {
                    id.append(origin(c)).append('\n');
                }
                id.append(System.getProperty("java.version"));
                known = id.toString();
            } catch (IOException | RuntimeException e) {
                known = "";
            }
            codeIdentity = known;
        }
        return known.isEmpty() ? null : known;
    }

    /** The jar a class comes from, or its package's class files, by path, size and modification time. */
    private static String origin(Class<?> c) throws IOException {
        URL url = c.getResource(c.getSimpleName() + ".class");
        if (url == null) {
            throw new IOException("no class file");
        }
        String s = url.toString();
        if (s.startsWith("jar:file:")) {
            Path jar = Path.of(URI.create(s.substring(4, s.indexOf("!/"))));
            return stamp(jar);
        }
        if (s.startsWith("file:")) {
            Path dir = Path.of(URI.create(s)).getParent();
            StringBuilder all = new StringBuilder();
            try (Stream<Path> files = Files.list(dir)) {
                files.sorted().forEach(f -> {
                    try {
                        all.append(stamp(f)).append(';');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return all.toString();
        }
        throw new IOException("an unknown kind of class path: " + s);
    }

    private static String stamp(Path file) throws IOException {
        return file + "|" + Files.size(file) + "|"
                + Files.getLastModifiedTime(file).toMillis();
    }
}
