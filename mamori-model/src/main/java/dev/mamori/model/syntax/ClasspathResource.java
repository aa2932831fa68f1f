package dev.mamori.model.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Data files shipped inside Mamori's jars (the requirement catalog, the standards' id lists). The
 * analyses read no files themselves (the architecture test holds them to it); this is the one place
 * they get their own built-in data from, as bytes for {@link TreeReader}.
 */
public final class ClasspathResource {

    private ClasspathResource() {}

    /**
     * The bytes of resource {@code name} next to {@code anchor}; a missing built-in file is a bug in
     * the packaging, so it fails loudly.
     */
    public static byte[] bytes(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path next to " + anchor.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
