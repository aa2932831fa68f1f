package dev.mamori.model;

/** The four layers of NISC 4.2, bottom up. */
public enum Layer {
    DEVICE,
    NETWORK,
    PLATFORM,
    SERVICE;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
