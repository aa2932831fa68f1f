package dev.mamori.model.grammar;

import static dev.mamori.model.grammar.ObjectSpec.object;

import dev.mamori.model.Layer;
import dev.mamori.model.Scales;
import dev.mamori.model.Words;
import dev.mamori.model.grammar.ValueType.Address;
import dev.mamori.model.grammar.ValueType.Bool;
import dev.mamori.model.grammar.ValueType.Choice;
import dev.mamori.model.grammar.ValueType.Date;
import dev.mamori.model.grammar.ValueType.ListOf;
import dev.mamori.model.grammar.ValueType.MapOf;
import dev.mamori.model.grammar.ValueType.NeedsExpression;
import dev.mamori.model.grammar.ValueType.Obj;
import dev.mamori.model.grammar.ValueType.Reference;
import dev.mamori.model.grammar.ValueType.Span;
import dev.mamori.model.grammar.ValueType.Text;
import dev.mamori.model.grammar.ValueType.Whole;
import dev.mamori.model.grammar.ValueType.Word;
import java.util.List;

/**
 * The model language, version 1: every object, every key, its type, default and meaning, in one
 * place. Read top down it is the language reference; the loader, the JSON Schema ({@code mamori
 * schema}) and docs/model.md all follow from it.
 */
public final class Grammar {

    private Grammar() {}

    /** The model language version this Mamori reads and writes. */
    public static final int VERSION = 1;

    // Vocabulary names, as they appear under the model's 'vocabulary' key.
    public static final String ROLES = "roles";
    public static final String CATEGORIES = "categories";
    public static final String SECTORS = "sectors";
    public static final String COMPONENT_KINDS = "component-kinds";
    public static final String PROTOCOLS = "protocols";
    public static final String ENCRYPTION = "encryption";
    public static final String AUTHENTICATION = "authentication";
    public static final String DEBUG_INTERFACES = "debug-interfaces";
    public static final String CREDENTIAL_KINDS = "credential-kinds";

    private static final Text TEXT = new Text();
    private static final Bool BOOL = new Bool();
    private static final Date DATE = new Date();
    private static final Span SPAN = new Span();
    private static final ListOf TAGS = new ListOf(TEXT, true);

    private static <E extends Enum<E>> Choice choice(Class<E> scale) {
        return new Choice(Words.all(scale));
    }

    private static ListOf refs(String target) {
        return new ListOf(new Reference(target), true);
    }

    // ---- vocabulary additions -------------------------------------------------------------

    public static final ObjectSpec TERM = object(
                    "term",
                    "A word of an open vocabulary, with what it means.",
                    "insurer: { description: Insures the venue }")
            .optional("description", TEXT, "none", "What the word means.");

    public static final ObjectSpec CATEGORY = object(
                    "category",
                    "A category of system by inherent risk.",
                    "rail: { critical: true, weight: 3, description: Railway signalling and traction }")
            .optional(
                    "critical",
                    BOOL,
                    "false",
                    "Whether its systems serve society or bodies directly: missions that depend on them weigh more.")
            .optional(
                    "weight",
                    new Whole(1, 10),
                    "1",
                    "How much reaching one of its systems weighs in a blast radius (critical infrastructure 3,"
                            + " industrial 2).")
            .optional("description", TEXT, "none", "What the category covers.");

    public static final ObjectSpec COMPONENT_KIND = object(
                    "component kind",
                    "A kind of component, with the layers it can sit on and whether it acts on the physical world.",
                    "smart-lock: { layers: [device], actuates: true, description: Door lock }")
            .required(
                    "layers",
                    new ListOf(choice(Layer.class), true),
                    "The layers it may sit on; the first is the default.")
            .optional("actuates", BOOL, "false", "Whether it changes the physical world (opens, moves, heats, doses).")
            .optional(
                    "radio",
                    BOOL,
                    "false",
                    "Whether it is a network that carries flows by radio, reachable by anyone within range.")
            .optional("description", TEXT, "none", "What the kind is.");

    public static final ObjectSpec MEANS = object(
                    "security means",
                    "A way to encrypt or to authenticate a flow, with how strong it is.",
                    "wireguard: { strength: strong }")
            .required(
                    "strength",
                    new Choice(List.of("none", "weak", "moderate", "strong")),
                    "How much it resists a capable attacker.")
            .optional("description", TEXT, "none", "What it is.");

    /** A TCP or UDP port. */
    static final Whole PORT = new Whole(1, 65_535);

    public static final ObjectSpec PROTOCOL = object(
                    "protocol",
                    "A protocol flows can use, with the facts rules need about it.",
                    "knx: { transport: bus, commands: true, encryption: [none, application], authentication: [none, message-mac] }")
            .required(
                    "transport",
                    new Choice(List.of("tcp", "udp", "radio", "bus", "serial", "cellular", "wire", "any")),
                    "What it runs over; decides which kinds of encryption make sense. 'wire' is a hardwired"
                            + " signal (a relay contact, a key switch, a 4-20 mA loop): nothing on a network can send"
                            + " it, and it is never offered as a cut.")
            .optional("commands", BOOL, "true", "Whether it can carry commands that change what the receiver does.")
            .optional(
                    "encryption",
                    new ListOf(new Word(ENCRYPTION), true),
                    "[none]",
                    "The kinds of encryption it can run with.")
            .optional(
                    "authentication",
                    new ListOf(new Word(AUTHENTICATION), true),
                    "[none]",
                    "The kinds of authentication it can run with.")
            .optional("default-encryption", new Word(ENCRYPTION), "none", "What a flow gets when it says nothing.")
            .optional(
                    "default-authentication",
                    new Word(AUTHENTICATION),
                    "none",
                    "What a flow gets when it says nothing.")
            .optional(
                    "port",
                    PORT,
                    "none",
                    "The well-known TCP or UDP port a flow of it goes to when it names none (the plain one: a"
                            + " flow over TLS on another port, such as MQTT on 8883, says so).")
            .optional("description", TEXT, "none", "What it is.");

    public static final ObjectSpec VOCABULARY = object(
                    "vocabulary",
                    "Words the landscape adds to the built-in vocabulary. A word already built in cannot be redefined.",
                    "vocabulary:\n  roles: [insurer]\n  sectors: [theme-park]")
            .optional(ROLES, new MapOf(TERM), "none", "Roles a stakeholder can have.")
            .optional(CATEGORIES, new MapOf(CATEGORY), "none", "Categories of system by inherent risk.")
            .optional(SECTORS, new MapOf(TERM), "none", "Sectors a system can serve.")
            .optional(COMPONENT_KINDS, new MapOf(COMPONENT_KIND), "none", "Kinds of component.")
            .optional(PROTOCOLS, new MapOf(PROTOCOL), "none", "Protocols of flows.")
            .optional(ENCRYPTION, new MapOf(MEANS), "none", "Kinds of encryption in transit.")
            .optional(AUTHENTICATION, new MapOf(MEANS), "none", "Kinds of authentication of a flow.")
            .optional(DEBUG_INTERFACES, new MapOf(TERM), "none", "Debug and maintenance interfaces.")
            .optional(CREDENTIAL_KINDS, new MapOf(TERM), "none", "Kinds of secret in a credential relation.");

    // ---- the landscape -----------------------------------------------------------------------

    public static final ObjectSpec STAKEHOLDER = object(
                    "stakeholder",
                    "An organisation with roles in the landscape.",
                    "ops: { name: Venue Operations, roles: [operator, data-owner] }")
            .optional("name", TEXT, "the id", "The organisation's name.")
            .optional("roles", new ListOf(new Word(ROLES), true), "[]", "What it does in the landscape.")
            .optional("contact", TEXT, "none", "Who to call about security (a person, a desk, an address).")
            .optional(
                    "vulnerability-disclosure",
                    TEXT,
                    "none",
                    "Where vulnerabilities in its products are reported (a URL or an e-mail address).")
            .optional("description", TEXT, "none", "Anything worth knowing.");

    public static final ObjectSpec ZONE = object(
                    "zone",
                    "A trust or network segment (an IEC 62443 zone). Components sit in zones.",
                    "gate-ot: { kind: ot, trust: high, security-level: 2 }")
            .optional("name", TEXT, "the id", "A readable name.")
            .optional("kind", choice(Scales.ZoneKind.class), "general", "What the zone is for.")
            .optional("trust", choice(Scales.Trust.class), "medium", "How much its members are trusted.")
            .optional("security-level", new Whole(0, 4), "none", "The IEC 62443 target security level (SL-T), 0 to 4.")
            .optional("description", TEXT, "none", "Anything worth knowing.")
            .optional(
                    "cidr",
                    new Address(true),
                    "none",
                    "The IP network of the zone (10.20.0.0/16, fd00:20::/64); enforcement needs it or its"
                            + " components' addresses.")
            .optional(
                    "egress",
                    choice(Scales.Egress.class),
                    "not stated (taken as open)",
                    "What may leave the zone: anything (open), or only its modelled flows (deny); data an"
                            + " attacker reads leaves only over a way out.");

    public static final ObjectSpec HAZARD = object(
                    "hazard",
                    "Physical harm that follows if the component acts wrongly.",
                    "crowd-crush: { severity: catastrophic, interlock: mechanical turnstile release }")
            .optional("name", TEXT, "the id", "A readable name.")
            .required("severity", choice(Scales.HazardSeverity.class), "How bad the harm is.")
            .optional(
                    "interlock",
                    TEXT,
                    "none",
                    "The independent safeguard that prevents the harm whatever the component is told.")
            .optional("description", TEXT, "none", "What happens.");

    public static final ObjectSpec EXPLOIT = object(
                    "exploit",
                    "A known flaw or misconfiguration of a component's service that an attacker who reaches it can use,"
                            + " whatever its login.",
                    "{ flaw: CVE-2018-13379, effect: control }")
            .required("flaw", TEXT, "A CVE or advisory id, or a short name of the misconfiguration.")
            .optional(
                    "effect",
                    choice(Scales.ExploitEffect.class),
                    "control",
                    "What using it gives: control of the component, or only a crash (an outage, not a takeover).")
            .optional("description", TEXT, "none", "Where it is documented, what it needs.");

    public static final ObjectSpec SOFTWARE = object(
                    "software",
                    "A package a component runs, named so that advisories can be matched to it: a package URL or a"
                            + " CPE, and its version.",
                    "{ purl: pkg:generic/busybox@1.35.0 }")
            .optional(
                    "purl",
                    TEXT,
                    "none (then cpe)",
                    "Its package URL (pkg:type/namespace/name@version, github.com/package-url/purl-spec); the"
                            + " version may be written in it or under 'version'.")
            .optional(
                    "cpe",
                    TEXT,
                    "none (then purl)",
                    "Its CPE 2.3 name (cpe:2.3:part:vendor:product:version:…), as NVD lists products.")
            .optional("version", TEXT, "the version in the purl or CPE", "The version it runs.")
            .optional("name", TEXT, "the purl's or CPE's name", "A readable name.");

    public static final ObjectSpec CERTIFICATION = object(
                    "certification",
                    "A certification or label the component holds.",
                    "{ scheme: jc-star, level: \"1\", until: 2028-03-31 }")
            .required("scheme", TEXT, "The scheme (jc-star, iec-62443-4-2, etsi-en-303-645, cyber-trust-mark, …).")
            .optional("level", TEXT, "none", "The level or security level reached.")
            .optional("until", DATE, "none", "When it expires.")
            .optional("evidence", TEXT, "none", "Where the certificate can be seen.");

    public static final ObjectSpec RESTORATION = object(
                    "restoration",
                    "How a component is brought back after it fails or is taken over, and who does it.",
                    "restore: { time: 4h, spares: 2, swap-time: 20m, backup: offline, after: [core-switch], by: acme }")
            .optional(
                    "time",
                    SPAN,
                    "unknown",
                    "How long bringing it back after a failure takes (repair, replace, restart).")
            .optional("spares", new Whole(0, 1_000_000L), "0", "How many replacements are kept on hand.")
            .optional("swap-time", SPAN, "the restore time", "How long swapping in a spare takes.")
            .optional(
                    "backup",
                    choice(Scales.Backup.class),
                    "unknown",
                    "Where its state is backed up; only an offline backup is assumed to survive an attack.")
            .optional(
                    "rebuild-time",
                    SPAN,
                    "unknown",
                    "How long rebuilding it from scratch takes when no usable backup is left.")
            .optional(
                    "after",
                    refs("component"),
                    "[]",
                    "Components that must run again before it can be restored (power, network, a directory).")
            .optional(
                    "by",
                    new Reference("stakeholder"),
                    "its maintainer, else its operator, else its system's operator or owner",
                    "Who restores it.")
            .optional("fallback", TEXT, "none", "What people do by hand while it is down.");

    public static final ObjectSpec COMPONENT = object(
                    "component",
                    "A part of a system on one layer; with a count above one, a fleet of identical parts.",
                    "gate: { kind: turnstile, count: 120, zone: gate-ot, credentials: unique, update: signed-automatic }")
            .optional("name", TEXT, "the id", "A readable name.")
            .required("kind", new Word(COMPONENT_KINDS), "What it is (sensor, gateway, broker, mobile-app, …).")
            .optional("layer", choice(Layer.class), "the kind's first layer", "Device, network, platform or service.")
            .optional("count", new Whole(1, 1_000_000_000L), "1", "How many identical parts it stands for.")
            .optional(
                    "zone", new Reference("zone"), "none", "The zone it sits in: a zone of its system, or system.zone.")
            .optional("manufacturer", new Reference("stakeholder"), "none", "Who makes it.")
            .optional("maintainer", new Reference("stakeholder"), "none", "Who maintains it (updates, repairs).")
            .optional("operator", new Reference("stakeholder"), "the system's operator", "Who runs it day to day.")
            .optional("credentials", choice(Scales.Credentials.class), "unknown", "How its login secrets are set.")
            .optional("update", choice(Scales.UpdatePath.class), "unknown", "How software updates reach it.")
            .optional("secure-boot", BOOL, "unknown", "Whether its boot chain is verified.")
            .optional(
                    "debug",
                    new ListOf(new Word(DEBUG_INTERFACES), true),
                    "[]",
                    "Debug or maintenance interfaces left enabled (uart, jtag, ssh, …).")
            .optional(
                    "exposure",
                    new ListOf(choice(Scales.Exposure.class), true),
                    "[] (reachable from its zone only)",
                    "From where it can be reached beyond its zone.")
            .optional("support-until", DATE, "none", "When the manufacturer stops providing security updates.")
            .optional("certifications", new ListOf(new Obj(CERTIFICATION), false), "[]", "Certifications and labels.")
            .optional("logging", choice(Scales.Logging.class), "unknown", "Where its security events go.")
            .optional(
                    "constrained",
                    BOOL,
                    "false",
                    "Whether it is too limited (battery, memory, processing) to run software updates or strong"
                            + " cryptography; requirements then ask for the constrained-device means instead.")
            .optional("tenancy", choice(Scales.Tenancy.class), "single", "How a platform serves several customers.")
            .optional(
                    "safety-function",
                    BOOL,
                    "false",
                    "Whether it is a safety function (a safety PLC, an emergency stop).")
            .optional("hazards", new MapOf(HAZARD), "none", "Physical harm that follows if it acts wrongly.")
            .optional("stores", refs("data asset"), "[]", "Data assets it processes or stores.")
            .optional("restore", new Obj(RESTORATION), "none", "How it is brought back after a failure or an attack.")
            .optional(
                    "needs",
                    new NeedsExpression(),
                    "nothing: it keeps running whatever else fails",
                    "What it cannot run without (its power supply, a broker, a directory): a component or a named"
                            + " flow (which works while its ends and networks do), a list (all of them), or"
                            + " all/any/at-least. Whoever only sends it data is not a need; mark such a flow required"
                            + " instead when the receiver stops without it.")
            .optional(
                    "exploitable",
                    new ListOf(new Obj(EXPLOIT), false),
                    "[]",
                    "Known flaws of its services: an attacker who reaches it uses them whatever its login, as a"
                            + " way in when it is exposed and as a way across from a neighbour in its zone.")
            .optional(
                    "software",
                    new ListOf(new Obj(SOFTWARE), false),
                    "[]",
                    "The packages it runs (firmware, operating system, libraries), matched against the vulnerability"
                            + " data of 'mamori vulns' (docs/vulnerabilities.md).")
            .optional(
                    "sbom",
                    TEXT,
                    "none",
                    "Its software bill of materials: a CycloneDX (JSON or XML) or SPDX JSON file, relative to this"
                            + " file and inside the landscape folder; its packages are matched like 'software'.")
            .optional(
                    "user-action",
                    choice(Scales.UserAction.class),
                    "none",
                    "How likely a person using it lets an attacker in (opens a malicious document, plugs in a"
                            + " device): a way in like an exposure.")
            .optional("tags", TAGS, "[]", "Free labels.")
            .optional("description", TEXT, "none", "Anything worth knowing.")
            .optional(
                    "address",
                    new Address(true),
                    "none",
                    "Its IP address, or the network its fleet sits in (10.20.0.5, 10.20.1.0/24, fd00:20::5);"
                            + " what generated firewall rules match on.")
            .optional(
                    "mqtt-user",
                    TEXT,
                    "none",
                    "The user name it logs in to an MQTT broker with (with client certificates, the name the"
                            + " broker takes from the certificate); what a generated broker ACL grants topics to.")
            .optional(
                    "flood-capacity",
                    new Whole(1, 1_000_000_000_000L),
                    "none (no flood is judged against it)",
                    "How many attacking devices' traffic it absorbs and keeps serving; a scrubbing service or"
                            + " several providers raise it. A flood from the fleets an attacker holds that exceeds it"
                            + " takes it down.")
            .optional(
                    "updates-from",
                    new Reference("component"),
                    "none",
                    "Where its software comes from: the component that builds, signs or serves the updates it"
                            + " installs (a vendor's update service, system.component). Whoever holds that one ships"
                            + " it their code, signed or not.")
            .optional(
                    "peer-reach",
                    new Whole(0, 100),
                    "all of it when the fleet sits in a zone, none otherwise",
                    "For a fleet: the share, in percent, of its other units that one unit reaches over the"
                            + " network (a shared segment, peer traffic). A unit taken spreads to them when their"
                            + " login is weak or their service has a known flaw; units on separate segments reach"
                            + " fewer.");

    public static final ObjectSpec FLOW = object(
                    "flow",
                    "A directed link from one component to another, possibly across systems.",
                    "{ from: controller, to: gate, protocol: mqtt, encryption: tls, authentication: certificate, commands: true }")
            .optional("id", TEXT, "none", "A name, so that responsibilities and treatments can refer to the flow.")
            .required("from", new Reference("component"), "The component that sends (or initiates).")
            .required("to", new Reference("component"), "The component that receives.")
            .required("protocol", new Word(PROTOCOLS), "The protocol (mqtt, coap, https, modbus-tcp, ble, …).")
            .optional(
                    "encryption",
                    new Word(ENCRYPTION),
                    "the protocol's default",
                    "How the traffic is protected in transit.")
            .optional(
                    "authentication",
                    new Word(AUTHENTICATION),
                    "the protocol's default",
                    "How the receiver knows who sent it.")
            .optional(
                    "commands",
                    BOOL,
                    "false",
                    "Whether it can change what the receiver does, rather than only inform it.")
            .optional(
                    "authorization",
                    choice(Scales.Authorization.class),
                    "none",
                    "Whether the receiver decides for itself that a command is allowed.")
            .optional("data", refs("data asset"), "[]", "The data assets it carries.")
            .optional(
                    "required",
                    BOOL,
                    "false",
                    "Whether the receiver stops without it even while its other inputs arrive (a name service,"
                            + " a licence server, a clock); by default any one data flow in keeps a receiver going.")
            .optional("network", refs("component"), "[]", "The network-layer components it travels over, in order.")
            .optional("agreement", TEXT, "none", "The agreement that governs it when it joins two systems.")
            .optional("tags", TAGS, "[]", "Free labels.")
            .optional("description", TEXT, "none", "Anything worth knowing.")
            .optional("port", PORT, "the protocol's well-known port", "The TCP or UDP port it goes to at the receiver.")
            .optional(
                    "topics",
                    TAGS,
                    "[]",
                    "For MQTT, the topic filters it carries (+ and # wildcards): what the sender publishes when it"
                            + " goes to a broker, what the receiver subscribes to when it comes from one.");

    public static final ObjectSpec CREDENTIAL = object(
                    "credential relation",
                    "A component holds a secret that other components accept; compromise travels along it.",
                    "{ holder: vendor-portal, accepted-by: controller, kind: password, mfa: false }")
            .optional("id", TEXT, "none", "A name, so that treatments can refer to it.")
            .required("holder", new Reference("component"), "The component that holds the secret.")
            .required("accepted-by", refs("component"), "The components that accept it.")
            .optional("kind", new Word(CREDENTIAL_KINDS), "password", "What the secret is.")
            .optional("mfa", BOOL, "false", "Whether a second factor is also needed.")
            .optional("shared", BOOL, "false", "Whether the same secret is held by many (a fleet, a team).")
            .optional("description", TEXT, "none", "Anything worth knowing.");

    public static final ObjectSpec ACCOUNT = object(
                    "account",
                    "An account that logs in to components. Its secret can be taken on every host it logs in to or is"
                            + " used from, and whoever holds it logs in wherever it does, given a network route there.",
                    "domain-admin: { kind: domain, logs-in-to: [historian, scada-server], used-from: [eng-workstation] }")
            .optional("name", TEXT, "the id", "A readable name.")
            .optional(
                    "kind",
                    choice(Scales.AccountKind.class),
                    "local",
                    "Whose it is: a directory (domain) account, a local or service account, a vendor's support"
                            + " account, a cloud account.")
            .required("logs-in-to", refs("component"), "The components it logs in to.")
            .optional(
                    "used-from",
                    refs("component"),
                    "[]",
                    "The components it is typed or stored on to log in elsewhere (a workstation, a jump host).")
            .optional("mfa", BOOL, "false", "Whether a second factor is also needed to log in with it.")
            .optional(
                    "state",
                    new ListOf(choice(Scales.AccountState.class), true),
                    "[]",
                    "What is known about its secret: leaked (outsiders hold it), reused (on other systems, whose"
                            + " breaches leak it), dormant (nobody uses it, so nobody notices), embedded (in software"
                            + " on the hosts that use it).")
            .optional("description", TEXT, "none", "Anything worth knowing.");

    public static final ObjectSpec PLAN_COSTS = planCosts();

    /** One key per kind of isolation change, in the enum's order, each with its default cost. */
    private static ObjectSpec planCosts() {
        ObjectSpec spec = object(
                "plan-costs",
                "What each kind of change an isolation plan proposes costs this landscape, on one scale (1 a setting, 5"
                        + " work on site or a vendor's release); the plan is the cheapest set of changes that isolates"
                        + " its target.",
                "plan-costs: { segment: 8, lock-away: 2 }");
        for (dev.mamori.model.PlanChange change : dev.mamori.model.PlanChange.values()) {
            spec = spec.optional(
                    change.word(), new Whole(0, 1000), String.valueOf(change.defaultCost()), change.meaning());
        }
        return spec;
    }

    public static final ObjectSpec ASSUMPTIONS = object(
                    "assumptions",
                    "What the analysis assumes where the facts are silent; every path step that rests on an"
                            + " assumption says so.",
                    "assumptions: { unknown-login-weak: 20, harvest: 50 }")
            .optional(
                    "unknown-login-weak",
                    new Whole(0, 100),
                    "20",
                    "The chance, in percent, that a login whose setting is unknown lets a neighbour in its zone in.")
            .optional(
                    "harvest",
                    new Whole(0, 100),
                    "50",
                    "The chance, in percent, that an account's secret is taken from a held host it logs in to or is"
                            + " used from (100 when it is embedded there).")
            .optional(
                    "plan-costs",
                    new Obj(PLAN_COSTS),
                    "the defaults below",
                    "What each kind of isolation change costs this landscape, where it differs from the defaults.");

    public static final ObjectSpec DATA_ASSET = object(
                    "data asset",
                    "Information the landscape processes or stores.",
                    "ticket-holders: { owner: ops, classification: confidential, personal: true }")
            .optional("name", TEXT, "the id", "A readable name.")
            .optional("owner", new Reference("stakeholder"), "none", "The data owner, who decides on its use.")
            .optional("classification", choice(Scales.Classification.class), "internal", "How widely it may be seen.")
            .optional("personal", BOOL, "false", "Whether it is personal data.")
            .optional(
                    "confidentiality",
                    choice(Scales.Need.class),
                    "from the classification: public low, internal medium, confidential high, restricted critical",
                    "How much its secrecy matters.")
            .optional("integrity", choice(Scales.Need.class), "medium", "How much its correctness matters.")
            .optional("availability", choice(Scales.Need.class), "medium", "How much its being at hand matters.")
            .optional("description", TEXT, "none", "Anything worth knowing.");

    public static final ObjectSpec RESPONSIBILITY = object(
                    "responsibility",
                    "Who is responsible, accountable, consulted and informed for an element, per lifecycle phase.",
                    "{ for: access.gate, phases: [operate], responsible: gateco, accountable: ops }")
            .required(
                    "for",
                    new Reference("element"),
                    "The element: a system, component, named flow, data asset or mission.")
            .optional(
                    "phases",
                    new ListOf(choice(Scales.Phase.class), true),
                    "every phase",
                    "The lifecycle phases it covers.")
            .optional("responsible", new Reference("stakeholder"), "none", "Who does the work.")
            .optional("accountable", new Reference("stakeholder"), "none", "Who answers for it.")
            .optional("consulted", refs("stakeholder"), "[]", "Who is asked before.")
            .optional("informed", refs("stakeholder"), "[]", "Who is told after.");

    public static final ObjectSpec CONTROL = object(
                    "control",
                    "A specification requirement the system implements, with its evidence.",
                    "{ requirement: unique-default-passwords, on: [gate], evidence: factory provisioning record FP-12 }")
            .required(
                    "requirement",
                    TEXT,
                    "The id of the specification requirement it meets ('mamori catalog' lists them), or of a"
                            + " performance requirement to claim all its means.")
            .optional("on", refs("element"), "the whole system", "The elements it covers.")
            .optional("status", choice(Scales.ControlStatus.class), "implemented", "Where it stands.")
            .optional("evidence", TEXT, "none", "Where to see that it holds (a document, a test report, a URL).")
            .optional("description", TEXT, "none", "Anything worth knowing.");

    public static final ObjectSpec SYSTEM = object(
                    "system",
                    "One IoT system, owned by a stakeholder. Elements are referred to within it by their bare id,"
                            + " and from elsewhere as system.id.",
                    "access: { owner: ops, category: critical-infrastructure, sector: public-event }")
            .optional("name", TEXT, "the id", "A readable name.")
            .required("owner", new Reference("stakeholder"), "The stakeholder that owns it.")
            .optional("operator", new Reference("stakeholder"), "none", "Who runs it day to day, when not the owner.")
            .required(
                    "category", new Word(CATEGORIES), "Its category by inherent risk; selects the requirement profile.")
            .optional("sector", new Word(SECTORS), "none", "The sector it serves.")
            .optional(
                    "profile",
                    TEXT,
                    "the profile of its category",
                    "The requirement profile it is checked against by 'mamori comply' (consumer, enterprise,"
                            + " industrial, critical-infrastructure, medical, automotive, public-event, or one of"
                            + " the landscape's own catalogs).")
            .optional("zones", new MapOf(ZONE), "none", "Its trust and network segments.")
            .optional("components", new MapOf(COMPONENT), "none", "Its parts.")
            .optional("flows", new ListOf(new Obj(FLOW), false), "[]", "Links from or to its components.")
            .optional("credentials", new ListOf(new Obj(CREDENTIAL), false), "[]", "Credential relations.")
            .optional("accounts", new MapOf(ACCOUNT), "none", "Accounts that log in to its components.")
            .optional("data", new MapOf(DATA_ASSET), "none", "Its data assets.")
            .optional(
                    "responsibilities",
                    new ListOf(new Obj(RESPONSIBILITY), false),
                    "[]",
                    "Who does what for its elements.")
            .optional("controls", new ListOf(new Obj(CONTROL), false), "[]", "Requirements it implements.")
            .optional("tags", TAGS, "[]", "Free labels.")
            .optional("description", TEXT, "none", "Anything worth knowing.");

    public static final ObjectSpec DEGRADED_MODE = object(
                    "degraded mode",
                    "A reduced way to keep a mission going.",
                    "manual-ticket-check: { needs: access.gate, tolerable-for: 2h }")
            .optional("name", TEXT, "the id", "A readable name.")
            .optional("needs", new NeedsExpression(), "nothing modelled", "What the degraded mode still needs.")
            .optional("tolerable-for", SPAN, "none", "How long it is acceptable.")
            .optional("description", TEXT, "none", "How it works.");

    public static final ObjectSpec MISSION = object(
                    "mission",
                    "A service the landscape exists for, and the components it needs.",
                    "entry: { owner: ops, needs: { all: [access.gate, ticketing.validation] }, rto: 15m }")
            .optional("name", TEXT, "the id", "A readable name.")
            .optional("owner", new Reference("stakeholder"), "none", "Who answers for it.")
            .required(
                    "needs",
                    new NeedsExpression(),
                    "What it needs to run: components, or named flows (which work while their ends and networks do).")
            .optional("rto", SPAN, "none", "Recovery time objective: how soon it must run again after it stops.")
            .optional("max-downtime", SPAN, "none", "Maximum tolerable downtime; at least the RTO.")
            .optional("horizon", DATE, "none", "Until when the mission must be served.")
            .optional("degraded-modes", new MapOf(DEGRADED_MODE), "none", "Reduced ways to keep it going.")
            .optional("description", TEXT, "none", "Anything worth knowing.");

    public static final ObjectSpec SCENARIO = object(
                    "scenario",
                    "A disruption to rehearse: what fails, what an attacker takes over, and what fails together"
                            + " because it shares a tag (a site, a power feed, a region).",
                    "cellular-outage: { fails: [connectivity.cellular], description: the carrier's network is down }")
            .optional("name", TEXT, "the id", "A readable name.")
            .optional("fails", refs("component or system"), "[]", "Components or whole systems that stop working.")
            .optional(
                    "compromised",
                    refs("component or system"),
                    "[]",
                    "Components or whole systems an attacker holds; control spreads from them.")
            .optional("fails-tagged", TAGS, "[]", "Tags whose components all fail together.")
            .optional(
                    "shut-down",
                    refs("component or system"),
                    "[]",
                    "Components or whole systems people stop as a precaution (a pipeline while its office network"
                            + " is cleaned): down, but not held; they restart once what was compromised is back.")
            .optional(
                    "decided-by",
                    new Reference("stakeholder"),
                    "none",
                    "Who decides the precautionary shutdown, and when to restart.")
            .optional("description", TEXT, "none", "What happens.");

    public static final ObjectSpec TREATMENT = object(
                    "treatment",
                    "A decision about a finding, with who decided, why, and until when.",
                    "{ rule: default-credentials, on: access.gate, status: accepted, by: ops, reason: replaced in March, until: 2027-03-31 }")
            .required("rule", TEXT, "The id of the rule whose finding it treats.")
            .optional("on", new Reference("element"), "every element the rule fires on", "The element it is about.")
            .required("status", choice(Scales.TreatmentStatus.class), "What was decided.")
            .optional("by", new Reference("stakeholder"), "none", "Who decided.")
            .required("reason", TEXT, "Why.")
            .optional(
                    "until", DATE, "none; required when accepted", "When the decision lapses and the finding reopens.")
            .optional("ticket", TEXT, "none", "Where the work is tracked.")
            .optional(
                    "vulnerability",
                    TEXT,
                    "none: the treatment is about every finding of the rule on the element",
                    "For known-vulnerability and known-exploited-vulnerability: the CVE or advisory id it is"
                            + " about; with status not-applicable, false-positive or mitigated the component is not affected"
                            + " by it (no finding, no way in for the systemic analysis; docs/vulnerabilities.md).")
            .optional(
                    "justification",
                    new Choice(List.of(
                            "component-not-present",
                            "vulnerable-code-not-present",
                            "vulnerable-code-not-in-execute-path",
                            "vulnerable-code-cannot-be-controlled-by-adversary",
                            "inline-mitigations-already-exist")),
                    "none",
                    "Why the component is not affected by the vulnerability, in the words of CSAF and OpenVEX;"
                            + " written to the VEX documents of 'mamori vex'.");

    public static final ObjectSpec MARK = object(
                    "mark",
                    "A fact marked as less than established. Every path step that uses it says so; a path made only"
                            + " of alleged steps is reported as alleged.",
                    "{ on: corp.legacy-vpn-profile, as: alleged, source: one newspaper report }")
            .required(
                    "on",
                    new Reference("element"),
                    "The fact: a named flow, a credential relation, an account, or a component (its exposure and"
                            + " its flaws).")
            .required(
                    "as",
                    choice(Scales.Certainty.class),
                    "How sure the model is: assumed by the modeller, alleged by a source, or known to have happened"
                            + " by a method nobody has described (unknown-method).")
            .optional("source", TEXT, "none", "Where the claim comes from, or why it is uncertain.");

    public static final ObjectSpec FILE = object(
                    "model file",
                    "A file of the model. The landscape is the root file and every file it imports, transitively.",
                    "mamori: 1\nlandscape: Stadium operations")
            .required("mamori", new Whole(VERSION, VERSION), "The model language version: 1.")
            .optional("landscape", TEXT, "the root file's name", "The name of the landscape (read from the root file).")
            .optional("description", TEXT, "none", "What the landscape is.")
            .optional("imports", new ListOf(TEXT, true), "[]", "Other model files, relative to this one.")
            .optional(
                    "jurisdictions",
                    new ListOf(TEXT, true),
                    "[] (no statutory obligations)",
                    "Where the landscape's products are sold or run: eu, uk, us, jp; decides which requirements"
                            + " are statutory (read from the root file).")
            .optional(
                    "catalogs",
                    new ListOf(TEXT, true),
                    "[]",
                    "Requirement catalogs and profiles of the landscape's own, relative to this file (read from the"
                            + " root file; docs/compliance.md).")
            .optional("vocabulary", new Obj(VOCABULARY), "none", "Words added to the built-in vocabulary.")
            .optional("stakeholders", new MapOf(STAKEHOLDER), "none", "The organisations involved.")
            .optional("systems", new MapOf(SYSTEM), "none", "The IoT systems.")
            .optional(
                    "flows",
                    new ListOf(new Obj(FLOW), false),
                    "[]",
                    "Interconnections between systems, written with system.component references.")
            .optional(
                    "credentials", new ListOf(new Obj(CREDENTIAL), false), "[]", "Credential relations across systems.")
            .optional("accounts", new MapOf(ACCOUNT), "none", "Accounts that log in to several systems' components.")
            .optional(
                    "assumptions",
                    new Obj(ASSUMPTIONS),
                    "unknown logins weak 20 %, harvest 50 %",
                    "What the analysis assumes where the facts are silent (read from the root file).")
            .optional("data", new MapOf(DATA_ASSET), "none", "Data assets shared by several systems.")
            .optional("missions", new MapOf(MISSION), "none", "The services the landscape exists for.")
            .optional("scenarios", new MapOf(SCENARIO), "none", "Disruptions to rehearse against the missions.")
            .optional(
                    "responsibilities",
                    new ListOf(new Obj(RESPONSIBILITY), false),
                    "[]",
                    "Who does what, across systems.")
            .optional("treatments", new ListOf(new Obj(TREATMENT), false), "[]", "Decisions about findings.")
            .optional(
                    "marks",
                    new ListOf(new Obj(MARK), false),
                    "[]",
                    "Facts marked as assumed, alleged or unknown-method.");

    /** Every object of the language, in the order the reference presents them. */
    public static List<ObjectSpec> objects() {
        return LANGUAGE.objects();
    }

    /** The model language as one value, for what serves any language (schema, reference). */
    public static final Language LANGUAGE = new Language(
            "Mamori model, language version " + VERSION,
            "https://mamori.dev/schema/model-v" + VERSION + ".json",
            FILE,
            declared());

    private static List<ObjectSpec> declared() {
        return List.of(
                FILE,
                STAKEHOLDER,
                SYSTEM,
                ZONE,
                COMPONENT,
                RESTORATION,
                HAZARD,
                EXPLOIT,
                SOFTWARE,
                CERTIFICATION,
                FLOW,
                CREDENTIAL,
                ACCOUNT,
                ASSUMPTIONS,
                PLAN_COSTS,
                DATA_ASSET,
                MISSION,
                DEGRADED_MODE,
                SCENARIO,
                RESPONSIBILITY,
                CONTROL,
                TREATMENT,
                MARK,
                VOCABULARY,
                TERM,
                CATEGORY,
                COMPONENT_KIND,
                PROTOCOL,
                MEANS);
    }
}
