package dev.mamori.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into {@code version.properties}. */
final class Version implements IVersionProvider {

    static String number() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "mamori " + number(), "model language version " + dev.mamori.model.grammar.Grammar.VERSION, java()
        };
    }

    /**
     * The Java that runs this, as {@code java -version} names it and where it lives: the launcher
     * picks a newer JDK when there is one (for its ahead-of-time cache), so which one ran is worth
     * seeing.
     */
    static String java() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.runtime.name") + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ", "
                + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")";
    }
}
