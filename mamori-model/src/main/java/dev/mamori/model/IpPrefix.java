package dev.mamori.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address, or a network written in CIDR form ({@code 10.20.0.0/16}).
 *
 * @param bytes the address, 4 bytes for IPv4 and 16 for IPv6
 * @param length the prefix length; the full width of the address for a single host
 */
public record IpPrefix(byte[] bytes, int length) {

    public IpPrefix {
        bytes = bytes.clone();
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length);
        }
        if (length < 0 || length > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length " + length + " out of range");
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean ipv6() {
        return bytes.length == 16;
    }

    /** Whether it names one host rather than a network. */
    public boolean host() {
        return length == bytes.length * 8;
    }

    /** Whether every address of {@code other} lies within this network. */
    public boolean contains(IpPrefix other) {
        if (other.bytes.length != bytes.length || other.length < length) {
            return false;
        }
        for (int bit = 0; bit < length; bit++) {
            if (bit(bytes, bit) != bit(other.bytes, bit)) {
                return false;
            }
        }
        return true;
    }

    private static int bit(byte[] b, int i) {
        return (b[i / 8] >> (7 - i % 8)) & 1;
    }

    /** The canonical text: dotted quad or RFC 5952 IPv6, with {@code /length} unless a host. */
    @Override
    public String toString() {
        String address = ipv6() ? ipv6Text() : ipv4Text();
        return host() ? address : address + "/" + length;
    }

    private String ipv4Text() {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    private String ipv6Text() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix p && p.length == length && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + length;
    }

    /** The outcome of reading a text: the address or network, or why it is none. */
    public sealed interface Parsed {
        record Ok(IpPrefix prefix) implements Parsed {}

        record Bad(String reason) implements Parsed {}
    }

    /**
     * Reads an address or a CIDR network. Never looks a name up: only literal addresses are
     * accepted, so that loading a model never touches the network.
     */
    public static Parsed parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        Optional<byte[]> bytes = address.indexOf(':') >= 0 ? ipv6(address) : ipv4(address);
        if (bytes.isEmpty()) {
            return new Parsed.Bad("not an IPv4 or IPv6 address");
        }
        int width = bytes.get().length * 8;
        int length = width;
        if (slash >= 0) {
            String digits = s.substring(slash + 1);
            if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > width) {
                return new Parsed.Bad("the prefix length after '/' must be a whole number from 0 to " + width);
            }
            length = Integer.parseInt(digits);
        }
        IpPrefix prefix = new IpPrefix(bytes.get(), length);
        IpPrefix network = prefix.network();
        if (!network.equals(prefix)) {
            return new Parsed.Bad(
                    "it has host bits set after the first " + length + " bits; the network is " + network);
        }
        return new Parsed.Ok(prefix);
    }

    /** The same prefix with every bit after its length cleared. */
    public IpPrefix network() {
        byte[] out = bytes.clone();
        for (int bit = length; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(1 << (7 - bit % 8));
        }
        return new IpPrefix(out, length);
    }

    private static Optional<byte[]> ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            // No leading zeros: some readers take them as octal, so 010 would mean 8 to them.
            if (!parts[i].matches("0|[1-9]\\d{0,2}") || Integer.parseInt(parts[i]) > 255) {
                return Optional.empty();
            }
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> ipv6(String s) {
        // Only hex digits, colons and the dots of an embedded IPv4 tail: InetAddress then reads the
        // text as a literal and never resolves it.
        if (!s.matches("[0-9A-Fa-f:.]+") || s.length() > 45) {
            return Optional.empty();
        }
        try {
            byte[] b = InetAddress.getByName(s).getAddress();
            if (b.length == 4) {
                // An IPv4-mapped address (::ffff:a.b.c.d) that Java folds to IPv4: keep it IPv6.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return Optional.of(mapped);
            }
            return Optional.of(b);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
