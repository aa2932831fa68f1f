package dev.mamori.imports.threagile;

import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.Scales.Classification;
import dev.mamori.model.Scales.Need;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The correspondence between Threagile's words and Mamori's, as data. docs/import-threagile.md
 * shows the same tables to people; each choice that an expert might argue with is explained there.
 */
final class Tables {

    private Tables() {}

    // ---- technical assets ----------------------------------------------------------------------

    /** A Mamori component kind for a Threagile technology, and the layer when not the kind's default. */
    record Kind(String kind, Layer layer) {}

    /** Threagile technology to Mamori kind; a null layer means the kind's own default layer. */
    static final Map<String, Kind> TECHNOLOGIES = technologies();

    private static Map<String, Kind> technologies() {
        Map<String, Kind> m = new LinkedHashMap<>();
        // Things in the field: the device layer.
        m.put("iot-device", new Kind(ThreagileVocabulary.IOT_DEVICE, null));
        m.put("gateway", new Kind("gateway", Layer.DEVICE));
        // People's clients and the applications they use: the service layer.
        m.put("client-system", new Kind("workstation", Layer.SERVICE));
        m.put("desktop", new Kind("workstation", Layer.SERVICE));
        m.put("devops-client", new Kind("workstation", Layer.SERVICE));
        m.put("browser", new Kind("application", null));
        m.put("mobile-app", new Kind("mobile-app", null));
        m.put("web-server", new Kind("web-app", null));
        m.put("web-application", new Kind("web-app", null));
        m.put("cms", new Kind("web-app", null));
        m.put("web-service-rest", new Kind("api", null));
        m.put("web-service-soap", new Kind("api", null));
        m.put("application-server", new Kind("application", null));
        m.put("erp", new Kind("application", null));
        m.put("ejb", new Kind("application", null));
        m.put("report-engine", new Kind("application", null));
        m.put("batch-processing", new Kind("application", null));
        m.put("event-listener", new Kind("application", null));
        m.put("stream-processing", new Kind("application", null));
        m.put("scheduler", new Kind("application", null));
        m.put("function", new Kind("application", null));
        m.put("task", new Kind("application", null));
        m.put("tool", new Kind("application", null));
        m.put("cli", new Kind("application", null));
        m.put("library", new Kind("application", null));
        m.put("ai", new Kind("application", null));
        // What services run on: the platform layer.
        m.put("message-queue", new Kind("broker", null));
        m.put("database", new Kind("database", null));
        m.put("search-index", new Kind("database", null));
        m.put("data-lake", new Kind("database", null));
        m.put("big-data-platform", new Kind("database", null));
        m.put("block-storage", new Kind("database", null));
        m.put("local-file-system", new Kind("database", null));
        m.put("identity-provider", new Kind("identity", null));
        m.put("identity-store-ldap", new Kind("identity", null));
        m.put("identity-store-database", new Kind("identity", null));
        m.put("ldap-server", new Kind("identity", null));
        m.put("vault", new Kind("pki", null));
        m.put("hsm", new Kind("pki", null));
        m.put("container-platform", new Kind("cloud", null));
        m.put("file-server", new Kind("server", null));
        m.put("mail-server", new Kind("server", null));
        m.put("mainframe", new Kind("server", null));
        m.put("search-engine", new Kind("server", null));
        m.put("service-registry", new Kind("server", null));
        m.put("service-mesh", new Kind("server", null));
        // Traffic handlers are endpoints of Threagile's links, so they stay off the network layer,
        // whose components Mamori reserves for what flows travel over.
        m.put("reverse-proxy", new Kind("server", null));
        m.put("load-balancer", new Kind("server", null));
        m.put("waf", new Kind("server", null));
        m.put("ids", new Kind("server", null));
        m.put("ips", new Kind("server", null));
        m.put("build-pipeline", new Kind("server", null));
        m.put("sourcecode-repository", new Kind("server", null));
        m.put("artifact-registry", new Kind("server", null));
        m.put("code-inspection-platform", new Kind("server", null));
        m.put("monitoring", new Kind("server", null));
        return Map.copyOf(m);
    }

    /** Threagile 1.0's other names for its technologies. */
    static final Map<String, String> TECHNOLOGY_ALIASES = Map.ofEntries(
            Map.entry("artificial-intelligence", "ai"),
            Map.entry("machine-learning", "ai"),
            Map.entry("deep-learning", "ai"),
            Map.entry("neural-network", "ai"),
            Map.entry("ml", "ai"),
            Map.entry("dl", "ai"),
            Map.entry("app-server", "application-server"),
            Map.entry("big-data", "big-data-platform"),
            Map.entry("san", "block-storage"),
            Map.entry("web-browser", "browser"),
            Map.entry("ci", "build-pipeline"),
            Map.entry("continuous-integration", "build-pipeline"),
            Map.entry("client", "client-system"),
            Map.entry("command-line", "cli"),
            Map.entry("command-line-tool", "cli"),
            Map.entry("command-line-interface", "cli"),
            Map.entry("content-management-system", "cms"),
            Map.entry("code-inspection", "code-inspection-platform"),
            Map.entry("code-analysis", "code-inspection-platform"),
            Map.entry("container", "container-platform"),
            Map.entry("docker", "container-platform"),
            Map.entry("kubernetes", "container-platform"),
            Map.entry("db", "database"),
            Map.entry("desktop-system", "desktop"),
            Map.entry("enterprise-java-beans", "ejb"),
            Map.entry("enterprise-resource-planning", "erp"),
            Map.entry("file-storage", "file-server"),
            Map.entry("hardware-security-module", "hsm"),
            Map.entry("idp", "identity-provider"),
            Map.entry("identity-store", "identity-store-database"),
            Map.entry("intrusion-detection-system", "ids"),
            Map.entry("iot", "iot-device"),
            Map.entry("intrusion-prevention-system", "ips"),
            Map.entry("ldap", "ldap-server"),
            Map.entry("lb", "load-balancer"),
            Map.entry("local-storage", "local-file-system"),
            Map.entry("email-server", "mail-server"),
            Map.entry("mq", "message-queue"),
            Map.entry("siem", "monitoring"),
            Map.entry("reporting", "report-engine"),
            Map.entry("cron", "scheduler"),
            Map.entry("service-discovery", "service-registry"),
            Map.entry("git", "sourcecode-repository"),
            Map.entry("job", "task"),
            Map.entry("utility", "tool"),
            Map.entry("unknown", "unknown-technology"),
            Map.entry("hashicorp-vault", "vault"),
            Map.entry("web-application-firewall", "waf"),
            Map.entry("web-app", "web-application"),
            Map.entry("rest-api", "web-service-rest"),
            Map.entry("soap-api", "web-service-soap"));

    /** Machines that are clearly not a box in the field: a gateway on them is an API gateway. */
    static final Set<String> SOFTWARE_MACHINES = Set.of("container", "serverless");

    static final List<String> ASSET_TYPES = List.of("external-entity", "process", "datastore");
    static final List<String> MACHINES = List.of("physical", "virtual", "container", "serverless");

    // ---- ratings -------------------------------------------------------------------------------

    /** Threagile's confidentiality, lowest first. */
    static final List<String> CONFIDENTIALITY =
            List.of("public", "internal", "restricted", "confidential", "strictly-confidential");

    /** Threagile's integrity and availability, lowest first. */
    static final List<String> CRITICALITY =
            List.of("archive", "operational", "important", "critical", "mission-critical");

    /**
     * Five confidentiality levels onto Mamori's classification and need. Threagile's "restricted"
     * sits between internal and confidential, below Mamori's "restricted", which is the top.
     */
    record Secrecy(Classification classification, Need need) {}

    static final Map<String, Secrecy> SECRECY = Map.of(
            "public", new Secrecy(Classification.PUBLIC, Need.LOW),
            "internal", new Secrecy(Classification.INTERNAL, Need.MEDIUM),
            "restricted", new Secrecy(Classification.CONFIDENTIAL, Need.MEDIUM),
            "confidential", new Secrecy(Classification.CONFIDENTIAL, Need.HIGH),
            "strictly-confidential", new Secrecy(Classification.RESTRICTED, Need.CRITICAL));

    /** Five criticality levels onto four needs; operational and important are both Mamori's medium. */
    static final Map<String, Need> NEED = Map.of(
            "archive", Need.LOW,
            "operational", Need.MEDIUM,
            "important", Need.MEDIUM,
            "critical", Need.HIGH,
            "mission-critical", Need.CRITICAL);

    /** Data asset tags that say the data is about people. */
    static final Set<String> PERSONAL_TAGS = Set.of("pii", "personal", "personal-data", "gdpr", "dsgvo");

    // ---- communication links -------------------------------------------------------------------

    /** A Mamori protocol and the encryption a Threagile protocol word implies. */
    record Wire(String protocol, String encryption) {}

    static final Map<String, Wire> PROTOCOLS = protocols();

    private static Map<String, Wire> protocols() {
        Map<String, Wire> m = new LinkedHashMap<>();
        m.put("http", new Wire("http", "none"));
        m.put("https", new Wire("https", "tls"));
        m.put("ws", new Wire("websocket", "none"));
        m.put("wss", new Wire("websocket", "tls"));
        m.put("reverse-proxy-web-protocol", new Wire("http", "none"));
        m.put("reverse-proxy-web-protocol-encrypted", new Wire("https", "tls"));
        m.put("mqtt", new Wire("mqtt", "none"));
        m.put("jdbc", new Wire("sql", "none"));
        m.put("jdbc-encrypted", new Wire("sql", "tls"));
        m.put("odbc", new Wire("sql", "none"));
        m.put("odbc-encrypted", new Wire("sql", "tls"));
        m.put("sql-access-protocol", new Wire("sql", "none"));
        m.put("sql-access-protocol-encrypted", new Wire("sql", "tls"));
        m.put("nosql-access-protocol", new Wire("nosql", "none"));
        m.put("nosql-access-protocol-encrypted", new Wire("nosql", "tls"));
        m.put("binary", new Wire("proprietary", "none"));
        m.put("binary-encrypted", new Wire("proprietary", "tls"));
        m.put("text", new Wire("proprietary", "none"));
        m.put("text-encrypted", new Wire("proprietary", "tls"));
        m.put("ssh", new Wire("ssh", "ssh"));
        m.put("ssh-tunnel", new Wire("ssh", "ssh"));
        m.put("smtp", new Wire("smtp", "none"));
        m.put("smtp-encrypted", new Wire("smtp", "tls"));
        m.put("pop3", new Wire("pop3", "none"));
        m.put("pop3-encrypted", new Wire("pop3", "tls"));
        m.put("imap", new Wire("imap", "none"));
        m.put("imap-encrypted", new Wire("imap", "tls"));
        m.put("ftp", new Wire("ftp", "none"));
        m.put("ftps", new Wire("ftp", "tls"));
        m.put("sftp", new Wire("sftp", "ssh"));
        m.put("scp", new Wire("sftp", "ssh"));
        m.put("ldap", new Wire("ldap", "none"));
        m.put("ldaps", new Wire("ldap", "tls"));
        m.put("jms", new Wire("jms", "none"));
        m.put("nfs", new Wire("nfs", "none"));
        m.put("smb", new Wire("smb", "none"));
        m.put("smb-encrypted", new Wire("smb", "application"));
        m.put("nrpe", new Wire("nrpe", "none"));
        m.put("xmpp", new Wire("xmpp", "none"));
        m.put("iiop", new Wire("iiop", "none"));
        m.put("iiop-encrypted", new Wire("iiop", "tls"));
        m.put("jrmp", new Wire("jrmp", "none"));
        m.put("jrmp-encrypted", new Wire("jrmp", "tls"));
        m.put("local-file-access", new Wire("local-file", ThreagileVocabulary.HOST_LOCAL));
        m.put("in-process-library-call", new Wire("in-process", ThreagileVocabulary.HOST_LOCAL));
        m.put("container-spawning", new Wire("container-spawning", ThreagileVocabulary.HOST_LOCAL));
        return Map.copyOf(m);
    }

    /** Protocols on which a write is an administrative action: a shell, a deployment, a new container. */
    static final Set<String> CONTROL_PROTOCOLS = Set.of("ssh", "ssh-tunnel", "container-spawning");

    static final Map<String, String> AUTHENTICATION = Map.of(
            "none", "none",
            "credentials", "password",
            "session-id", "token",
            "token", "token",
            "client-certificate", "certificate",
            "two-factor", "token",
            "externalized", "token");

    static final Map<String, Authorization> AUTHORIZATION = Map.of(
            "none", Authorization.NONE,
            "technical-user", Authorization.ROLE_BASED,
            "enduser-identity-propagation", Authorization.PER_COMMAND);

    // ---- trust boundaries ----------------------------------------------------------------------

    static final List<String> BOUNDARY_TYPES = List.of(
            "network-on-prem",
            "network-dedicated-hoster",
            "network-virtual-lan",
            "network-cloud-provider",
            "network-cloud-security-group",
            "network-policy-namespace-isolation",
            "execution-environment");

    /** The one boundary type that is not a network segment: Threagile's own rules do not count it. */
    static final String EXECUTION_ENVIRONMENT = "execution-environment";
}
