package dev.mamori.report.oscal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs (version 5, SHA-1, RFC 4122 section 4.3). OSCAL asks every object for a UUID; a
 * random one would make two runs over the same model differ, so each UUID is derived from what the
 * object is (the catalog's name and version, a system and a requirement id, …) and reruns give the
 * same documents. The JDK only makes version 3 (MD5) name-based UUIDs, which OSCAL's schema refuses.
 */
public final class OscalUuid {

    /** Mamori's namespace: the version 5 UUID of the name {@code mamori.dev} in RFC 4122's DNS namespace. */
    public static final UUID MAMORI = v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "mamori.dev");

    private OscalUuid() {}

    /** The version 5 UUID of {@code name} in {@code namespace}. */
    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the RFC 4122 variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /** The UUID of {@code parts} joined, in Mamori's namespace, as OSCAL writes it. */
    static String of(String... parts) {
        return v5(MAMORI, String.join("\u001f", parts)).toString();
    }
}
