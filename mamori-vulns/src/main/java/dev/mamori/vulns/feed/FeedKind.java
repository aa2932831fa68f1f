package dev.mamori.vulns.feed;

import java.util.Locale;

/** The formats of vulnerability data Mamori reads. */
public enum FeedKind {
    OSV("OSV"),
    CSAF("CSAF 2.0"),
    KEV("known-exploited catalog (CISA KEV)"),
    EPSS("EPSS scores"),
    NVD("NVD CVE JSON 2.0"),
    CYCLONEDX_VEX("CycloneDX VEX"),
    OPENVEX("OpenVEX");

    private final String title;

    FeedKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
