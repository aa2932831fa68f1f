package dev.mamori.vulns.feed;

/** The test documents of {@link FeedReaderTest}, for the schema tests of another package. */
public final class FeedReaderTestAccess {

    private FeedReaderTestAccess() {}

    public static String cycloneDxVex() {
        return FeedReaderTest.CYCLONEDX_VEX;
    }

    public static String openVex() {
        return FeedReaderTest.OPENVEX;
    }
}
